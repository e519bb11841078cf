package io.atc.console.retention;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.quarkus.qute.TemplateData;
import io.vertx.core.json.JsonObject;

/**
 * The days typed into a retention form, kept as typed so a refused form shows them again. An empty field
 * inherits (null); a whole number goes as a number; anything else goes as typed, so that the API, which
 * alone holds the rules (1-3650, a number), names what is wrong.
 */
@TemplateData
public record DaysForm(String events, String images) {

    static final DaysForm EMPTY = new DaysForm("", "");

    static DaysForm of(RetentionLevel level) {
        return new DaysForm(shown(level.events().own()), shown(level.images().own()));
    }

    /**
     * The preview's what-if query for these values as they would be saved: an empty field as
     * {@code inherit}, anything else as typed (the API names what is wrong with it).
     */
    String previewQuery() {
        return "eventsDays=" + proposed(events) + "&imagesDays=" + proposed(images);
    }

    JsonObject change() {
        return new JsonObject().put("eventsDays", value(events)).put("imagesDays", value(images));
    }

    private static String proposed(String typed) {
        return typed == null || typed.isBlank() ? "inherit" : URLEncoder.encode(typed.strip(), StandardCharsets.UTF_8);
    }

    private static String shown(Integer own) {
        return own == null ? "" : own.toString();
    }

    private static Object value(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String stripped = typed.strip();
        try {
            return Long.parseLong(stripped);
        } catch (NumberFormatException notAWholeNumber) {
            return stripped;
        }
    }
}
