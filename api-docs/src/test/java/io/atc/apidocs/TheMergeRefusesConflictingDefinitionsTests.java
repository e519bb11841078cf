package io.atc.apidocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The merge keeps only public paths and the schemas they use, sorted, and refuses to pick between two
 * services' different definitions of one operation or schema name.
 * Breaks when: the merger lets the last service win, keeps /internal paths or unused schemas, or
 * orders by service instead of by name.
 */
class TheMergeRefusesConflictingDefinitionsTests {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aSchemaNameDefinedDifferentlyByTwoServicesFails() {
        Map<String, ObjectNode> documents = new LinkedHashMap<>();
        documents.put("audit-service", document("/v1/audit/erasures", "ErasureRequest", "subject"));
        documents.put("retention-service", document("/v1/erasures", "ErasureRequest", "siteId"));
        assertThatThrownBy(() -> PublicApiDocument.merge(documents, "1"))
                .isInstanceOf(DefinitionConflict.class)
                .hasMessageContaining("Schema ErasureRequest")
                .hasMessageContaining("audit-service")
                .hasMessageContaining("retention-service");
    }

    @Test
    void anOperationDefinedDifferentlyByTwoServicesFails() {
        Map<String, ObjectNode> documents = new LinkedHashMap<>();
        documents.put("keys-service", document("/v1/things", "Thing", "a"));
        documents.put("edge-bridge", document("/v1/things", "Other", "a"));
        assertThatThrownBy(() -> PublicApiDocument.merge(documents, "1"))
                .isInstanceOf(DefinitionConflict.class)
                .hasMessageContaining("/v1/things post");
    }

    @Test
    void theSameSchemaInTwoServicesIsKeptOnce() {
        Map<String, ObjectNode> documents = new LinkedHashMap<>();
        documents.put("retention-service", document("/v1/b", "UUID", "a"));
        documents.put("edge-bridge", document("/v1/a", "UUID", "a"));
        JsonNode merged = PublicApiDocument.merge(documents, "1").tree();
        assertThat(merged.path("paths").fieldNames()).toIterable().containsExactly("/v1/a", "/v1/b");
        assertThat(merged.at("/components/schemas").size()).isEqualTo(1);
    }

    @Test
    void internalPathsAndTheSchemasOnlyTheyUseAreDropped() {
        Map<String, ObjectNode> documents = new LinkedHashMap<>();
        documents.put("keys-service", document("/internal/v1/keys/verify", "Presented", "key"));
        documents.put("edge-bridge", document("/v1/sites", "Site", "name"));
        JsonNode merged = PublicApiDocument.merge(documents, "1.2.3").tree();
        assertThat(merged.path("paths").fieldNames()).toIterable().containsExactly("/v1/sites");
        assertThat(merged.at("/components/schemas").fieldNames()).toIterable().containsExactly("Site");
        assertThat(merged.at("/info/version").asText()).isEqualTo("1.2.3");
        assertThat(merged.at("/info/title").asText()).isEqualTo("ATC platform API");
        assertThat(merged.at("/openapi").asText()).isEqualTo("3.1.0");
        assertThat(merged.at("/servers/0/url").asText()).isEqualTo("http://localhost:8080");
        assertThat(merged.at("/tags").findValuesAsText("name"))
                .containsExactly("keys", "tenants", "console", "audit", "sites", "devices", "events", "retention");
    }

    @Test
    void theRenderingsAreStableAndEndWithANewline() {
        Map<String, ObjectNode> documents = Map.of("edge-bridge", document("/v1/sites", "Site", "name"));
        PublicApiDocument first = PublicApiDocument.merge(documents, "1");
        PublicApiDocument second = PublicApiDocument.merge(documents, "1");
        assertThat(first.json()).isEqualTo(second.json()).endsWith("}\n");
        assertThat(first.yaml()).isEqualTo(second.yaml()).endsWith("\n").doesNotEndWith("\n\n");
    }

    @Test
    void theOrderInWhichFiltersSetAnOperationsFieldsDoesNotShowInTheDocument() {
        ObjectNode first = document("/v1/sites", "Site", "name");
        ObjectNode second = first.deepCopy();
        ((ObjectNode) first.at("/paths/~1v1~1sites/post"))
                .put("description", "d")
                .putArray("security");
        ((ObjectNode) second.at("/paths/~1v1~1sites/post")).putArray("security");
        ((ObjectNode) second.at("/paths/~1v1~1sites/post")).put("description", "d");
        assertThat(PublicApiDocument.merge(Map.of("edge-bridge", first), "1").json())
                .isEqualTo(PublicApiDocument.merge(Map.of("edge-bridge", second), "1")
                        .json());
    }

    private ObjectNode document(String path, String schema, String property) {
        try {
            return (ObjectNode) json.readTree("""
                    {"openapi": "3.1.0",
                     "paths": {"%1$s": {"post": {"requestBody": {"content": {"application/json": {"schema":
                       {"$ref": "#/components/schemas/%2$s"}}}}}}},
                     "components": {"schemas": {"%2$s": {"type": "object", "properties": {"%3$s": {"type": "string"}}}}}}
                    """.formatted(path, schema, property));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
