package io.atc.apidocs;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Drops the component schemas no path reaches, directly or through other schemas. */
final class UnusedSchemas {

    static final String SCHEMA_REF = "#/components/schemas/";

    private UnusedSchemas() {}

    static void drop(JsonNode paths, ObjectNode schemas) {
        Set<String> used = new HashSet<>();
        Deque<JsonNode> toVisit = new ArrayDeque<>();
        toVisit.push(paths);
        while (!toVisit.isEmpty()) {
            JsonNode node = toVisit.pop();
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(SCHEMA_REF)) {
                String name = ref.asText().substring(SCHEMA_REF.length());
                if (used.add(name) && schemas.has(name)) {
                    toVisit.push(schemas.get(name));
                }
            }
            node.elements().forEachRemaining(toVisit::push);
        }
        for (Iterator<String> names = schemas.fieldNames(); names.hasNext(); ) {
            if (!used.contains(names.next())) {
                names.remove();
            }
        }
    }
}
