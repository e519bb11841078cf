package io.atc.apidocs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Puts the services' public paths and component schemas side by side, sorted by name. The same
 * operation (path and method), path-level field or schema name in two services must be identical;
 * anything else is a {@link DefinitionConflict}. Paths under /internal/ are dropped.
 */
final class DocumentMerger {

    /**
     * The order of an operation's fields. SmallRye writes them in the order its filters set them, and
     * the order of two BUILD filters is not fixed; the document must not change with it.
     */
    private static final List<String> OPERATION_FIELDS = List.of(
            "operationId",
            "summary",
            "description",
            "tags",
            "parameters",
            "requestBody",
            "responses",
            "callbacks",
            "deprecated",
            "security",
            "servers",
            "externalDocs");

    /** OpenAPI's own order of the operations in a path item. */
    private static final List<String> METHODS =
            List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private final Map<String, Map<String, Owned>> paths = new TreeMap<>();
    private final Map<String, Owned> schemas = new TreeMap<>();
    private final Map<String, Owned> securitySchemes = new TreeMap<>();

    private record Owned(String service, JsonNode node) {}

    DocumentMerger add(String service, ObjectNode document) {
        document.path("paths").fields().forEachRemaining(path -> {
            if (!path.getKey().startsWith("/internal/") && !path.getKey().equals("/internal")) {
                Map<String, Owned> item = paths.computeIfAbsent(path.getKey(), key -> new HashMap<>());
                path.getValue()
                        .fields()
                        .forEachRemaining(field -> put(
                                item, field.getKey(), service, field.getValue(), path.getKey() + " " + field.getKey()));
            }
        });
        document.path("components")
                .path("schemas")
                .fields()
                .forEachRemaining(schema ->
                        put(schemas, schema.getKey(), service, schema.getValue(), "Schema " + schema.getKey()));
        document.path("components")
                .path("securitySchemes")
                .fields()
                .forEachRemaining(scheme -> put(
                        securitySchemes,
                        scheme.getKey(),
                        service,
                        scheme.getValue(),
                        "Security scheme " + scheme.getKey()));
        return this;
    }

    private static void put(Map<String, Owned> into, String name, String service, JsonNode node, String what) {
        Owned earlier = into.putIfAbsent(name, new Owned(service, node));
        if (earlier != null && !earlier.node().equals(node)) {
            throw new DefinitionConflict(what, earlier.service(), service);
        }
    }

    ObjectNode paths() {
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        paths.forEach((path, fields) -> {
            ObjectNode item = merged.putObject(path);
            fields.keySet().stream()
                    .filter(field -> !METHODS.contains(field))
                    .sorted()
                    .forEach(field -> item.set(field, fields.get(field).node()));
            for (String method : METHODS) {
                if (fields.containsKey(method)) {
                    item.set(method, canonical(path, fields.get(method).node()));
                }
            }
        });
        return merged;
    }

    ObjectNode schemas() {
        return sorted(schemas);
    }

    ObjectNode securitySchemes() {
        return sorted(securitySchemes);
    }

    private static ObjectNode sorted(Map<String, Owned> named) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        named.forEach((name, owned) -> node.set(name, owned.node()));
        return node;
    }

    /** The operation's fields in {@link #OPERATION_FIELDS} order, then the others (extensions) by name; responses by status. */
    private static JsonNode canonical(String path, JsonNode operation) {
        Map<String, JsonNode> others = new TreeMap<>();
        operation.fields().forEachRemaining(field -> others.put(field.getKey(), field.getValue()));
        ObjectNode ordered = JsonNodeFactory.instance.objectNode();
        for (String field : OPERATION_FIELDS) {
            JsonNode value = others.remove(field);
            if (value != null) {
                ordered.set(
                        field,
                        switch (field) {
                            case "responses" -> byStatus(value);
                            case "parameters" -> inPathOrder(path, value);
                            default -> value;
                        });
            }
        }
        ordered.setAll(others);
        return ordered;
    }

    /**
     * Path parameters in the order the path names them, then the others as they were. SmallRye sorts
     * them by name, and generated clients take them in the document's order: {@code getDevice(deviceId,
     * siteId)} for {@code /v1/sites/{siteId}/devices/{deviceId}} invites swapped ids.
     */
    static JsonNode inPathOrder(String path, JsonNode parameters) {
        List<JsonNode> all = new java.util.ArrayList<>();
        parameters.forEach(all::add);
        all.sort(java.util.Comparator.comparingInt(
                parameter -> "path".equals(parameter.path("in").asText())
                        ? path.indexOf("{" + parameter.path("name").asText() + "}")
                        : Integer.MAX_VALUE));
        return JsonNodeFactory.instance.arrayNode().addAll(all);
    }

    private static JsonNode byStatus(JsonNode responses) {
        Map<String, JsonNode> sorted = new TreeMap<>();
        responses.fields().forEachRemaining(response -> sorted.put(response.getKey(), response.getValue()));
        ObjectNode ordered = JsonNodeFactory.instance.objectNode();
        ordered.setAll(sorted);
        return ordered;
    }
}
