package io.atc.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.atc.retention.support.PurgeTestResources;
import io.atc.testkit.http.ManagementInterface;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A client generated from the platform's document calls retention-service's operations by the names the
 * design fixed (RetentionApi.getSiteRetention, createErasure, ...), finds each under the one tag
 * {@code retention}, and shows its integrator a request and a response example that parse as JSON.
 * Breaks when: an operation loses or changes its operationId or tag, a public operation is added without
 * being listed here, or a JSON body or success response has no example, or one that is not JSON.
 */
@QuarkusTest
@QuarkusTestResource(PurgeTestResources.class)
class EveryPublicOperationIsDocumentedForClientsTests {

    private static final Map<String, String> OPERATION_IDS = Map.ofEntries(
            Map.entry("GET /v1/sites/{siteId}/retention", "getSiteRetention"),
            Map.entry("PUT /v1/sites/{siteId}/retention", "setSiteRetention"),
            Map.entry("GET /v1/retention/defaults", "getRetentionDefaults"),
            Map.entry("PUT /v1/retention/defaults", "setRetentionDefaults"),
            Map.entry("GET /v1/sites/{siteId}/retention/preview", "previewSiteRetention"),
            Map.entry("POST /v1/retention/holds", "createRetentionHold"),
            Map.entry("GET /v1/retention/holds", "listRetentionHolds"),
            Map.entry("GET /v1/retention/holds/{holdId}", "getRetentionHold"),
            Map.entry("DELETE /v1/retention/holds/{holdId}", "releaseRetentionHold"),
            Map.entry("GET /v1/retention/runs", "listRetentionRuns"),
            Map.entry("GET /v1/retention/runs/{runId}", "getRetentionRun"),
            Map.entry("POST /v1/erasures", "createErasure"));

    private static final List<String> METHODS = List.of("get", "put", "post", "patch", "delete");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachPublicOperationHasItsFixedIdAndTheRetentionTag() throws IOException {
        Map<String, String> documented = new TreeMap<>();
        publicOperations()
                .forEach((operation, node) -> documented.put(
                        operation,
                        node.path("operationId").asText("<no operationId>") + " tagged " + node.path("tags")));
        Map<String, String> expected = new TreeMap<>();
        OPERATION_IDS.forEach((operation, id) -> expected.put(operation, id + " tagged [\"retention\"]"));
        assertThat(documented)
                .as("each public operation's operationId and tags")
                .isEqualTo(expected);
    }

    @Test
    void everyJsonBodyAndSuccessResponseHasAnExampleThatParses() throws IOException {
        List<String> failures = new ArrayList<>();
        publicOperations().forEach((operation, node) -> {
            node.path("requestBody")
                    .path("content")
                    .properties()
                    .forEach(media -> check(operation + " request " + media.getKey(), media, failures));
            node.path("responses").properties().forEach(response -> {
                if (response.getKey().startsWith("2")) {
                    response.getValue()
                            .path("content")
                            .properties()
                            .forEach(media ->
                                    check(operation + " " + response.getKey() + " " + media.getKey(), media, failures));
                }
            });
        });
        assertThat(failures).as("bodies without an example that parses").isEmpty();
    }

    private static void check(String where, Map.Entry<String, JsonNode> media, List<String> failures) {
        if (!media.getKey().equals("application/json")) {
            return;
        }
        List<JsonNode> examples = new ArrayList<>();
        media.getValue().path("examples").forEach(example -> examples.add(example.path("value")));
        if (examples.isEmpty()) {
            failures.add(where + ": no example");
        }
        for (JsonNode example : examples) {
            try {
                JsonNode parsed = example.isTextual() ? JSON.readTree(example.textValue()) : example;
                if (parsed == null || !(parsed.isObject() || parsed.isArray())) {
                    failures.add(where + ": an example that is not a JSON object or array: " + example);
                }
            } catch (IOException e) {
                failures.add(where + ": an example that does not parse (" + e.getMessage() + "): " + example);
            }
        }
    }

    /** {@code "POST /v1/erasures"} → the operation, for every path but /internal/... */
    private static Map<String, JsonNode> publicOperations() throws IOException {
        JsonNode document = JSON.readTree(ManagementInterface.given()
                .queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        Map<String, JsonNode> operations = new TreeMap<>();
        document.path("paths").properties().forEach(path -> {
            if (!path.getKey().startsWith("/internal/")) {
                for (String method : METHODS) {
                    JsonNode operation = path.getValue().get(method);
                    if (operation != null) {
                        operations.put(method.toUpperCase() + " " + path.getKey(), operation);
                    }
                }
            }
        });
        return operations;
    }
}
