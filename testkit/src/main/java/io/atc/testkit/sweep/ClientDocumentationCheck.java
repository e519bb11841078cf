package io.atc.testkit.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a client generated from a running service's OpenAPI document (/q/openapi) relies on, for every
 * public operation (every path but /internal/...): the operationId the client's method is named after, on
 * the operation it is meant for; exactly one tag, which names the client's API class; and an example that
 * parses, for each JSON request body and each 2xx response with a body (JSON, or JSON Lines line by line).
 */
public final class ClientDocumentationCheck {

    private static final List<String> METHODS = List.of("get", "put", "post", "patch", "delete");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An operation a client calls: its id, {@code "POST /v1/keys"}, and its tag. */
    public record Expected(String operationId, String operation, String tag) {}

    private final JsonNode root;

    private ClientDocumentationCheck(JsonNode root) {
        this.root = root;
    }

    public static ClientDocumentationCheck ofRunningService() {
        return new ClientDocumentationCheck(OpenApiDocument.ofRunningService().root());
    }

    /** The public operations are exactly {@code expected}: the same ids, each on its operation, with its one tag. */
    public void assertPublicOperationsAre(List<Expected> expected) {
        Map<String, String> wanted = new TreeMap<>();
        expected.forEach(operation ->
                wanted.put(operation.operation(), operation.operationId() + " tagged [\"" + operation.tag() + "\"]"));
        Map<String, String> documented = new TreeMap<>();
        publicOperations()
                .forEach((operation, node) -> documented.put(
                        operation,
                        node.path("operationId").asText("<no operationId>") + " tagged " + node.path("tags")));
        assertThat(documented)
                .as("each public operation's operationId and tags")
                .containsExactlyInAnyOrderEntriesOf(wanted);
    }

    /**
     * Each JSON request body and each 2xx response with a body has at least one example, each parses, and
     * a JSON object example names only properties its schema has (a renamed field leaves no stale example).
     */
    public void assertEveryBodyHasAnExampleThatParses() {
        List<String> failures = new ArrayList<>();
        publicOperations().forEach((operation, node) -> {
            JsonNode body = node.path("requestBody").path("content");
            body.properties().forEach(media -> check(operation + " request " + media.getKey(), media, failures));
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

    private void check(String where, Map.Entry<String, JsonNode> media, List<String> failures) {
        String type = media.getKey();
        boolean jsonLines = type.equals("application/jsonl");
        if (!type.equals("application/json") && !type.endsWith("+json") && !jsonLines) {
            return;
        }
        List<JsonNode> examples = new ArrayList<>();
        media.getValue().path("examples").forEach(example -> examples.add(example.path("value")));
        if (media.getValue().has("example")) {
            examples.add(media.getValue().get("example"));
        }
        if (examples.isEmpty()) {
            failures.add(where + ": no example");
        }
        for (JsonNode example : examples) {
            if (example.isMissingNode() || example.isNull()) {
                failures.add(where + ": an example without a value");
            } else if (example.isTextual()) {
                String text = example.textValue();
                for (String document : jsonLines ? text.strip().split("\n") : new String[] {text}) {
                    try {
                        JsonNode parsed = JSON.readTree(document);
                        if (parsed == null || !(parsed.isObject() || parsed.isArray())) {
                            failures.add(where + ": an example that is not a JSON object or array: " + document);
                        } else if (!jsonLines) {
                            namesOnlyItsSchemasProperties(
                                    where, media.getValue().path("schema"), parsed, failures);
                        }
                    } catch (IOException e) {
                        failures.add(where + ": an example that does not parse (" + e.getMessage() + "): " + document);
                    }
                }
            } else if (jsonLines) {
                failures.add(where + ": a JSON Lines example must be the lines' text, not " + example);
            } else {
                namesOnlyItsSchemasProperties(where, media.getValue().path("schema"), example, failures);
            }
        }
    }

    private void namesOnlyItsSchemasProperties(String where, JsonNode schema, JsonNode example, List<String> failures) {
        JsonNode resolved = schema;
        while (resolved.has("$ref")) {
            resolved = root.at(resolved.get("$ref").asText().substring(1));
        }
        JsonNode properties = resolved.path("properties");
        if (!example.isObject() || !properties.isObject()) {
            return;
        }
        example.fieldNames().forEachRemaining(field -> {
            if (!properties.has(field)) {
                failures.add(where + ": the example names " + field + ", which its schema does not have");
            }
        });
    }

    /** {@code "POST /v1/keys"} → the operation, for every path but /internal/... */
    private Map<String, JsonNode> publicOperations() {
        Map<String, JsonNode> operations = new TreeMap<>();
        root.path("paths").properties().forEach(path -> {
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
