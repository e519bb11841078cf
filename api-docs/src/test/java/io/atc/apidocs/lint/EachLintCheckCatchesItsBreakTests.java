package io.atc.apidocs.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.atc.apidocs.lint.PublicDocumentLint.Check;

/**
 * Each lint check finds the break it exists for, in a small document that is clean but for that
 * one break: the lint over the real document can fail.
 * Breaks when: a check stops looking (always empty), or reports a clean document.
 */
class EachLintCheckCatchesItsBreakTests {

    private static final String CLEAN = """
            {
              "openapi": "3.1.0",
              "info": {"title": "t", "version": "1"},
              "paths": {
                "/v1/sites": {
                  "post": {
                    "operationId": "createSite",
                    "tags": ["sites"],
                    "summary": "Create a site",
                    "description": "Requires the `sites:write` scope.",
                    "x-atc-scope": "sites:write",
                    "requestBody": {"content": {"application/json": {
                      "schema": {"$ref": "#/components/schemas/SiteDraft"},
                      "example": {"name": "Depot"}}}},
                    "responses": {
                      "201": {"description": "Created", "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/Site"}}}},
                      "422": {"description": "Invalid", "content": {"application/problem+json": {
                        "schema": {"$ref": "#/components/schemas/Problem"}}}}
                    },
                    "security": [{"apiKeyBearer": []}, {"apiKeyHeader": []}]
                  }
                },
                "/v1/tenants": {
                  "post": {
                    "operationId": "createTenant",
                    "tags": ["tenants"],
                    "summary": "Create a tenant",
                    "responses": {"204": {"description": "Created"}},
                    "security": [{"operatorToken": []}]
                  }
                }
              },
              "components": {
                "schemas": {
                  "SiteDraft": {"type": "object", "properties": {"name": {"type": "string"}}},
                  "Site": {"type": "object", "examples": [{"name": "Depot"}],
                    "properties": {"name": {"type": "string"}}},
                  "Problem": {"type": "object", "properties": {"type": {"type": "string"}}}
                },
                "securitySchemes": {
                  "apiKeyBearer": {"type": "http", "scheme": "bearer"},
                  "apiKeyHeader": {"type": "apiKey", "in": "header", "name": "X-Api-Key"},
                  "operatorToken": {"type": "apiKey", "in": "header", "name": "X-Operator-Token"}
                }
              }
            }
            """;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theCleanDocumentHasNoFindings() {
        assertThat(new PublicDocumentLint(CLEAN).findings()).isEmpty();
    }

    @Test
    void anInvalidDocumentIsNotOpenApi31() {
        assertFinds(Check.VALID_OPENAPI_3_1, doc -> doc.remove("info"));
        assertFinds(Check.VALID_OPENAPI_3_1, doc -> doc.put("openapi", "3.0.3"));
    }

    @Test
    void aMissingOrRepeatedOperationId() {
        assertFinds(Check.UNIQUE_OPERATION_IDS, doc -> tenants(doc).put("operationId", "createSite"));
        assertFinds(Check.UNIQUE_OPERATION_IDS, doc -> tenants(doc).remove("operationId"));
    }

    @Test
    void noTagTwoTagsOrAnUnknownOne() {
        assertFinds(Check.ONE_KNOWN_TAG, doc -> tenants(doc).remove("tags"));
        assertFinds(
                Check.ONE_KNOWN_TAG,
                doc -> tenants(doc).putArray("tags").add("tenants").add("keys"));
        assertFinds(Check.ONE_KNOWN_TAG, doc -> tenants(doc).putArray("tags").add("internal"));
    }

    @Test
    void noSummary() {
        assertFinds(Check.SUMMARY, doc -> tenants(doc).remove("summary"));
    }

    @Test
    void aScopeTheDescriptionDoesNotName() {
        assertFinds(Check.SCOPE_IN_DESCRIPTION, doc -> createSite(doc).put("description", "Creates a site."));
    }

    @Test
    void aRequestOrResponseWithoutAnExample() {
        assertFinds(Check.EXAMPLES, doc -> ((ObjectNode) createSite(doc).at("/requestBody/content/application~1json"))
                .remove("example"));
        assertFinds(Check.EXAMPLES, doc -> ((ObjectNode) doc.at("/components/schemas/Site")).remove("examples"));
    }

    @Test
    void anErrorThatIsNotAProblem() {
        assertFinds(
                Check.ERRORS_ARE_PROBLEMS, doc -> ((ObjectNode) createSite(doc).at("/responses"))
                        .putObject("404")
                        .put("description", "Not found"));
        assertFinds(Check.ERRORS_ARE_PROBLEMS, doc -> ((ObjectNode)
                        createSite(doc).at("/responses/422/content/application~1problem+json/schema"))
                .put("$ref", "#/components/schemas/Site"));
    }

    @Test
    void aSecuritySchemeOfItsOwn() {
        assertFinds(
                Check.KNOWN_SECURITY_SCHEMES,
                doc -> createSite(doc).withArray("security").addObject().putArray("SecurityScheme"));
        assertFinds(Check.KNOWN_SECURITY_SCHEMES, doc -> ((ObjectNode) doc.at("/components/securitySchemes"))
                .putObject("SecurityScheme")
                .put("type", "http")
                .put("scheme", "bearer"));
    }

    @Test
    void theOperatorTokenOutsideTenants() {
        assertFinds(
                Check.OPERATOR_TOKEN_ONLY_ON_TENANTS,
                doc -> createSite(doc).withArray("security").addObject().putArray("operatorToken"));
    }

    @Test
    void anInternalOrManagementPath() {
        assertFinds(
                Check.NO_INTERNAL_PATHS, doc -> ((ObjectNode) doc.get("paths")).putObject("/internal/v1/keys/verify"));
        assertFinds(Check.NO_INTERNAL_PATHS, doc -> ((ObjectNode) doc.get("paths")).putObject("/q/health"));
    }

    @Test
    void aSchemaNothingUses() {
        assertFinds(Check.NO_UNUSED_SCHEMAS, doc -> ((ObjectNode) doc.at("/components/schemas"))
                .putObject("Orphan")
                .put("type", "object"));
    }

    @Test
    void aReferenceToNothing() {
        assertFinds(Check.REFS_RESOLVE, doc -> ((ObjectNode)
                        createSite(doc).at("/responses/201/content/application~1json/schema"))
                .put("$ref", "#/components/schemas/Gone"));
    }

    private void assertFinds(Check check, Consumer<ObjectNode> breakIt) {
        try {
            ObjectNode document = (ObjectNode) json.readTree(CLEAN);
            breakIt.accept(document);
            assertThat(new PublicDocumentLint(json.writeValueAsString(document)).run(check))
                    .as(check.name())
                    .isNotEmpty();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode createSite(ObjectNode document) {
        return (ObjectNode) document.at("/paths/~1v1~1sites/post");
    }

    private static ObjectNode tenants(ObjectNode document) {
        return (ObjectNode) document.at("/paths/~1v1~1tenants/post");
    }
}
