package io.atc.console.web;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import io.quarkus.qute.TemplateExtension;

/**
 * Times as pages show them: {@code {row.createdAt.when}} reads "2026-12-05 02:13 UTC", while the
 * {@code <time datetime>} attribute keeps the API's ISO text for machines and assistive technology.
 */
@TemplateExtension
public final class Times {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private Times() {}

    /** The API's ISO-8601 instant as minutes in UTC; anything that is not one is shown as given. */
    public static String when(String iso) {
        if (iso == null) {
            return "";
        }
        try {
            return OffsetDateTime.parse(iso)
                    .withOffsetSameInstant(ZoneOffset.UTC)
                    .format(SHOWN);
        } catch (DateTimeParseException notAnInstant) {
            return iso;
        }
    }
}
