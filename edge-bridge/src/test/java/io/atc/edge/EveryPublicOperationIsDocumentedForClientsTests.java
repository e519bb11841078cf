package io.atc.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.atc.edge.support.EdgeBridgeTestResources;
import io.atc.testkit.http.ManagementInterface;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A client generated from this service's OpenAPI document gets stable method names and API classes:
 * every public operation has the operationId and the one tag the platform's document promises
 * (docs/api, issue 18's table), and every JSON request body and JSON success response shows an
 * example that is JSON of the documented shape.
 * Breaks when: an operation loses or renames its operationId, gets another tag or a second one
 * (the generated client would move or rename its method), a public operation is added without an
 * id, or an example is missing, is not JSON, or names a property its schema does not have.
 */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
class EveryPublicOperationIsDocumentedForClientsTests {

    private static final List<String> METHODS = List.of("get", "put", "post", "patch", "delete");
    private static final String JSON = "application/json";

    private static final Map<String, String> TAG_OF_EACH_OPERATION = Map.ofEntries(
            Map.entry("createSite", "sites"),
            Map.entry("listSites", "sites"),
            Map.entry("getSite", "sites"),
            Map.entry("renameSite", "sites"),
            Map.entry("deleteSite", "sites"),
            Map.entry("registerDevice", "devices"),
            Map.entry("listDevices", "devices"),
            Map.entry("getDevice", "devices"),
            Map.entry("updateDevice", "devices"),
            Map.entry("deleteDevice", "devices"),
            Map.entry("resetDevicePassword", "devices"),
            Map.entry("issueDeviceCertificate", "devices"),
            Map.entry("revokeDeviceCertificates", "devices"),
            Map.entry("getDeviceTransportPolicy", "devices"),
            Map.entry("setDeviceTransportPolicy", "devices"),
            Map.entry("listSiteEvents", "events"),
            Map.entry("getSiteEvent", "events"),
            Map.entry("getSiteImage", "events"));

    private static JsonNode document;

    @BeforeAll
    static void readTheDocument() throws IOException {
        byte[] served = ManagementInterface.given()
                .queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        document = new ObjectMapper().readTree(served);
    }

    @Test
    void eachPublicOperationHasItsIdAndOneTag() {
        Map<String, String> documented = new TreeMap<>();
        for (Operation operation : publicOperations()) {
            JsonNode tags = operation.node().path("tags");
            String id = operation.node().path("operationId").asText(operation.method() + " " + operation.path());
            assertThat(tags.size()).as(id + " tags").isEqualTo(1);
            documented.put(id, tags.get(0).asText());
        }
        assertThat(documented).isEqualTo(new TreeMap<>(TAG_OF_EACH_OPERATION));
    }

    @Test
    void everyJsonBodyAndSuccessShowsAJsonExampleOfItsSchema() {
        List<String> checked = new ArrayList<>();
        for (Operation operation : publicOperations()) {
            String id = operation.node().path("operationId").asText();
            JsonNode body = operation.node().path("requestBody").path("content").path(JSON);
            if (!body.isMissingNode()) {
                assertExamplesFit(id + " request body", body);
                checked.add(id + " request");
            }
            for (Map.Entry<String, JsonNode> response :
                    operation.node().path("responses").properties()) {
                JsonNode content = response.getValue().path("content").path(JSON);
                if (response.getKey().startsWith("2") && !content.isMissingNode()) {
                    assertExamplesFit(id + " " + response.getKey(), content);
                    checked.add(id + " " + response.getKey());
                }
            }
        }
        assertThat(checked).as("what was checked").contains("createSite request", "registerDevice 201");
    }

    /** Each example is JSON (the annotation's text parsed; text that is not JSON stays a string). */
    private static void assertExamplesFit(String what, JsonNode mediaType) {
        JsonNode examples = mediaType.path("examples");
        assertThat(examples.size()).as(what + " examples").isPositive();
        JsonNode schema = resolve(mediaType.path("schema"));
        for (Map.Entry<String, JsonNode> example : examples.properties()) {
            JsonNode value = example.getValue().path("value");
            String name = what + " example " + example.getKey();
            assertThat(value.isObject() || value.isArray())
                    .as(name + " is JSON: " + value)
                    .isTrue();
            if (value.isObject()) {
                List<String> properties = new ArrayList<>();
                schema.path("properties").fieldNames().forEachRemaining(properties::add);
                List<String> given = new ArrayList<>();
                value.fieldNames().forEachRemaining(given::add);
                assertThat(properties)
                        .as(name + " names only properties of its schema")
                        .containsAll(given);
            }
        }
    }

    private static JsonNode resolve(JsonNode schema) {
        JsonNode resolved = schema;
        while (resolved.has("$ref")) {
            resolved = document.at(resolved.get("$ref").asText().substring(1));
        }
        return resolved;
    }

    private static List<Operation> publicOperations() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            if (!path.getKey().startsWith("/v1/")) {
                continue;
            }
            for (String method : METHODS) {
                JsonNode node = path.getValue().get(method);
                if (node != null) {
                    operations.add(new Operation(method, path.getKey(), node));
                }
            }
        }
        return operations;
    }

    private record Operation(String method, String path, JsonNode node) {}
}
