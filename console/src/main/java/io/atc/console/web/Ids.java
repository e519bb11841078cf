package io.atc.console.web;

import java.util.UUID;

/**
 * What a page accepts from a URL before it goes into an API path or query: ids are UUIDs in their
 * canonical form and cursors the API's opaque base64url text. Anything else is dropped, so a hand-edited
 * URL can never reshape the request the console sends to the gateway.
 */
public final class Ids {

    private Ids() {}

    /** The canonical UUID, or null when {@code id} is not one. */
    public static String uuidOrNull(String id) {
        if (id == null) {
            return null;
        }
        try {
            return UUID.fromString(id.strip()).toString();
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }

    /** The cursor when it is base64url text of a sane length, otherwise empty (the first page). */
    public static String cursor(String after) {
        return after != null && after.matches("[A-Za-z0-9_=-]{1,200}") ? after : "";
    }
}
