package io.atc.apidocs;

import java.util.HashMap;
import java.util.Iterator;
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
                    item.set(method, withSortedResponses(fields.get(method).node()));
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

    /** Responses by status code: SmallRye lists declared ones before those a filter added. */
    private static JsonNode withSortedResponses(JsonNode operation) {
        ObjectNode copy = operation.deepCopy();
        JsonNode responses = copy.get("responses");
        if (responses instanceof ObjectNode byStatus) {
            Map<String, JsonNode> ordered = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = byStatus.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                ordered.put(entry.getKey(), entry.getValue());
            }
            byStatus.removeAll();
            byStatus.setAll(ordered);
        }
        return copy;
    }
}
