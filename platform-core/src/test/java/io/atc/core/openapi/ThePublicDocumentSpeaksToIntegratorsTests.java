package io.atc.core.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.junit.jupiter.api.Test;

import io.atc.core.identity.Scope;

/**
 * A service's document, after the BUILD filter, tells an integrator which credential to present and
 * what every error looks like. Breaks when: PublicDocument leaves a scoped operation without the API
 * key schemes, overrides security an operation declared, keeps SmallRye's content on an error, or
 * misses one of the common errors.
 */
class ThePublicDocumentSpeaksToIntegratorsTests {

    private static final String SITES = "/v1/sites";
    private static final String TENANTS = "/v1/tenants";
    private static final String SIGN_IN = "/v1/console/sessions";
    private static final String VERIFY = "/internal/v1/keys/verify";

    private final OpenAPI document = document();

    @Test
    void definesTheFourCredentialsTheGatewayAccepts() {
        run();
        Map<String, SecurityScheme> schemes = document.getComponents().getSecuritySchemes();
        assertThat(schemes).containsOnlyKeys("apiKeyBearer", "apiKeyHeader", "operatorToken", "consoleSession");
        assertThat(schemes.get("apiKeyBearer").getType()).isEqualTo(SecurityScheme.Type.HTTP);
        assertThat(schemes.get("apiKeyBearer").getScheme()).isEqualTo("bearer");
        assertThat(schemes.get("apiKeyBearer").getBearerFormat()).isEqualTo("atc_<env>_<id>_<secret>");
        assertThat(schemes.get("apiKeyHeader").getName()).isEqualTo("X-Api-Key");
        assertThat(schemes.get("apiKeyHeader").getIn()).isEqualTo(SecurityScheme.In.HEADER);
        assertThat(schemes.get("operatorToken").getName()).isEqualTo("X-Operator-Token");
        assertThat(schemes.get("consoleSession").getIn()).isEqualTo(SecurityScheme.In.COOKIE);
        assertThat(schemes.get("consoleSession").getName()).isEqualTo("__Host-atc_session");
    }

    @Test
    void aScopedOperationAcceptsTheKeyEitherWay() {
        run();
        Operation listSites = operation(SITES, "GET");
        assertThat(listSites.getSecurity()).hasSize(2);
        assertThat(listSites.getSecurity().get(0).getSchemes()).containsOnlyKeys("apiKeyBearer");
        assertThat(listSites.getSecurity().get(1).getSchemes()).containsOnlyKeys("apiKeyHeader");
    }

    @Test
    void securityAnOperationDeclaresIsKept() {
        run();
        assertThat(operation(TENANTS, "POST").getSecurity())
                .singleElement()
                .satisfies(requirement -> assertThat(requirement.getSchemes()).containsOnlyKeys("operatorToken"));
        assertThat(operation(SIGN_IN, "POST").getSecurity()).isEmpty();
    }

    @Test
    void everyErrorIsAProblemWhateverSmallRyeWrote() {
        run();
        APIResponse notFound = operation(SITES, "GET").getResponses().getAPIResponse("404");
        assertThat(notFound.getContent().getMediaTypes()).containsOnlyKeys("application/problem+json");
        MediaType problem = notFound.getContent().getMediaType("application/problem+json");
        assertThat(problem.getSchema().getRef()).isEqualTo("#/components/schemas/Problem");
        assertThat(problem.getExample()).asString().contains("urn:atc:problem:not-found");
        assertThat(document.getComponents().getSchemas()).containsKeys("Problem", "FieldError");
        assertThat(document.getComponents().getSchemas().get("Problem").getProperties())
                .containsOnlyKeys("type", "title", "status", "detail", "instance", "errors");
        assertThat(document.getComponents()
                        .getSchemas()
                        .get("Problem")
                        .getProperties()
                        .get("type")
                        .getDescription())
                .contains("urn:atc:problem:rate-limited");
    }

    @Test
    void everyPublicOperationListsTheCommonErrors() {
        run();
        assertThat(operation(SITES, "GET").getResponses().getAPIResponses())
                .containsKeys("200", "400", "401", "403", "404", "429", "500");
        assertThat(operation(TENANTS, "POST").getResponses().getAPIResponses())
                .containsKeys("400", "401", "429", "500")
                .doesNotContainKey("403");
        assertThat(operation(SIGN_IN, "POST").getResponses().getAPIResponses())
                .containsKeys("400", "401", "429", "500")
                .doesNotContainKey("403");
        assertThat(operation(SITES, "GET").getResponses().getAPIResponse("403").getDescription())
                .contains("`sites:read`");
        assertThat(operation(SITES, "GET").getResponses().getAPIResponse("429").getHeaders())
                .containsKey("Retry-After");
    }

    @Test
    void aDeclaredErrorKeepsItsDescriptionButSmallRyesPlaceholdersAreReplaced() {
        run();
        assertThat(operation(SITES, "GET").getResponses().getAPIResponse("404").getDescription())
                .isEqualTo("No such site for this tenant.");
        assertThat(operation(SITES, "GET").getResponses().getAPIResponse("401").getDescription())
                .startsWith("No valid credential");
    }

    @Test
    void internalPathsAreLeftAlone() {
        run();
        assertThat(operation(VERIFY, "POST").getResponses().getAPIResponses()).containsOnlyKeys("200");
        assertThat(operation(VERIFY, "POST").getSecurity()).isNull();
    }

    private void run() {
        new PublicDocument(Map.of(
                        ScopedOperations.key("GET", SITES), Scope.SITES_READ,
                        ScopedOperations.key("POST", VERIFY), Scope.ADMIN))
                .filterOpenAPI(document);
    }

    private Operation operation(String path, String method) {
        return document.getPaths().getPathItem(path).getOperations().entrySet().stream()
                .filter(entry -> entry.getKey().name().equals(method))
                .findFirst()
                .orElseThrow()
                .getValue();
    }

    private static OpenAPI document() {
        Operation listSites = OASFactory.createOperation()
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("OK"))
                        .addAPIResponse("401", OASFactory.createAPIResponse().description("Not Authorized"))
                        .addAPIResponse(
                                "404",
                                OASFactory.createAPIResponse()
                                        .description("No such site for this tenant.")
                                        .content(OASFactory.createContent()
                                                .addMediaType("application/json", OASFactory.createMediaType()))));
        Operation createTenant = OASFactory.createOperation()
                .security(List.of(OASFactory.createSecurityRequirement().addScheme("operatorToken")));
        Operation signIn = OASFactory.createOperation().security(List.of());
        Operation verify = OASFactory.createOperation()
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("OK")));
        return OASFactory.createOpenAPI()
                .paths(OASFactory.createPaths()
                        .addPathItem(SITES, OASFactory.createPathItem().GET(listSites))
                        .addPathItem(TENANTS, OASFactory.createPathItem().POST(createTenant))
                        .addPathItem(SIGN_IN, OASFactory.createPathItem().POST(signIn))
                        .addPathItem(VERIFY, OASFactory.createPathItem().POST(verify)));
    }
}
