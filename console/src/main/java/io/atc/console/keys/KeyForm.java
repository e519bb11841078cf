package io.atc.console.keys;

import java.util.Arrays;
import java.util.List;

import io.atc.console.web.Dates;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The create-key form turned into the keys API's draft. Only the shape is handled here (lists split on
 * commas and new lines, a date to the end of that day UTC); every rule is the keys API's, whose problem
 * the page shows as it answered.
 */
final class KeyForm {

    private KeyForm() {}

    static JsonObject draft(String name, List<String> scopes, String expiresOn, String cidrs, String origins) {
        JsonObject draft = new JsonObject()
                .put("name", name == null ? "" : name.strip())
                .put("scopes", new JsonArray(scopes == null ? List.of() : scopes))
                .put("allowedCidrs", new JsonArray(list(cidrs)))
                .put("allowedOrigins", new JsonArray(list(origins)));
        if (expiresOn != null && !expiresOn.isBlank()) {
            draft.put("expiresAt", Dates.endOfDayUtc(expiresOn.strip()));
        }
        return draft;
    }

    static List<String> list(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("[,\\s]+"))
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .toList();
    }
}
