package io.atc.testkit.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Valid-looking JSON built from a schema (its example when it has one), the text fields the schema
 * declares (nested objects and array items too, dates and ids as well as names), and copies of a
 * body with one of them replaced.
 */
final class SampleBodies {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 8;

    private final OpenApiDocument document;

    SampleBodies(OpenApiDocument document) {
        this.document = document;
    }

    JsonNode sample(JsonNode schema) {
        return sample(schema, 0);
    }

    List<FieldPath> textFields(JsonNode schema) {
        List<FieldPath> fields = new ArrayList<>();
        collectTextFields(schema, FieldPath.ROOT, fields, 0);
        return fields;
    }

    /** A copy of {@code body} with {@code text} at {@code path}, creating the objects and arrays on the way. */
    static JsonNode withText(JsonNode body, FieldPath path, String text) {
        if (path.segments().isEmpty()) {
            return TextNode.valueOf(text);
        }
        JsonNode copy = body.deepCopy();
        JsonNode container = copy;
        List<Object> segments = path.segments();
        for (int i = 0; i < segments.size(); i++) {
            Object segment = segments.get(i);
            boolean last = i == segments.size() - 1;
            JsonNode next = last
                    ? TextNode.valueOf(text)
                    : segments.get(i + 1) instanceof Integer ? NODES.arrayNode() : NODES.objectNode();
            container = place(container, segment, next, last);
        }
        return copy;
    }

    private static JsonNode place(JsonNode container, Object segment, JsonNode next, boolean replace) {
        if (segment instanceof Integer index) {
            ArrayNode array = (ArrayNode) container;
            while (array.size() <= index) {
                array.add(next.deepCopy());
            }
            if (replace) {
                array.set(index, next);
            }
            return array.get(index);
        }
        ObjectNode object = (ObjectNode) container;
        String name = (String) segment;
        JsonNode existing = object.get(name);
        if (replace || existing == null || existing.getNodeType() != next.getNodeType()) {
            object.set(name, next);
        }
        return object.get(name);
    }

    private JsonNode sample(JsonNode schema, int depth) {
        JsonNode resolved = effective(schema);
        JsonNode examples = resolved.path("examples");
        if (examples.isArray() && !examples.isEmpty()) {
            return examples.get(0).deepCopy();
        }
        if (resolved.hasNonNull("example")) {
            return resolved.get("example").deepCopy();
        }
        if (resolved.path("enum").isArray() && !resolved.path("enum").isEmpty()) {
            return resolved.path("enum").get(0).deepCopy();
        }
        return switch (type(resolved)) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < MAX_DEPTH) {
                    for (Map.Entry<String, JsonNode> property :
                            resolved.path("properties").properties()) {
                        if (!effective(property.getValue()).path("readOnly").asBoolean()) {
                            object.set(property.getKey(), sample(property.getValue(), depth + 1));
                        }
                    }
                }
                yield object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < MAX_DEPTH) {
                    array.add(sample(resolved.path("items"), depth + 1));
                }
                yield array;
            }
            case "string" -> TextNode.valueOf(sampleText(resolved.path("format").asText()));
            case "integer", "number" ->
                NODES.numberNode(
                        resolved.has("minimum") ? resolved.get("minimum").asLong() : 1);
            case "boolean" -> NODES.booleanNode(true);
            default -> NODES.nullNode();
        };
    }

    private static String sampleText(String format) {
        return switch (format) {
            case "date-time" -> "2099-01-01T00:00:00Z";
            case "date" -> "2099-01-01";
            case "uuid" -> UUID.randomUUID().toString();
            case "email" -> "sweep@example.com";
            case "uri", "url" -> "https://example.com/";
            default -> "Sample";
        };
    }

    private void collectTextFields(JsonNode schema, FieldPath at, List<FieldPath> fields, int depth) {
        JsonNode resolved = effective(schema);
        if (depth > MAX_DEPTH || resolved.path("readOnly").asBoolean()) {
            return;
        }
        switch (type(resolved)) {
            case "string" -> fields.add(at);
            case "object" ->
                resolved.path("properties")
                        .properties()
                        .forEach(property ->
                                collectTextFields(property.getValue(), at.field(property.getKey()), fields, depth + 1));
            case "array" -> collectTextFields(resolved.path("items"), at.index(0), fields, depth + 1);
            default -> {}
        }
    }

    /** The schema behind $refs; allOf merged into one object schema, oneOf/anyOf as their first choice. */
    private JsonNode effective(JsonNode schema) {
        JsonNode resolved = document.resolve(schema);
        if (resolved.has("allOf")) {
            ObjectNode merged = NODES.objectNode();
            ObjectNode properties = NODES.objectNode();
            List<JsonNode> parts = new ArrayList<>();
            resolved.get("allOf").forEach(part -> parts.add(effective(part)));
            parts.add(resolved);
            for (JsonNode part : parts) {
                part.properties().forEach(field -> merged.set(field.getKey(), field.getValue()));
                if (part.path("properties").isObject()) {
                    properties.setAll((ObjectNode) part.get("properties"));
                }
            }
            merged.remove(List.of("allOf", "properties"));
            if (!properties.isEmpty()) {
                merged.set("properties", properties);
            }
            return merged;
        }
        for (String choice : List.of("oneOf", "anyOf")) {
            for (JsonNode option : resolved.path(choice)) {
                if (!"null".equals(type(effective(option)))) {
                    return effective(option);
                }
            }
        }
        return resolved;
    }

    /** A schema's type; in OpenAPI 3.1 it may be a list such as ["string", "null"]. */
    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode option : type) {
                if (!"null".equals(option.asText())) {
                    return option.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") ? "object" : schema.has("items") ? "array" : "";
    }
}
