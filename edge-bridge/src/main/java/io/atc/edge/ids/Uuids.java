package io.atc.edge.ids;

import java.util.Optional;
import java.util.UUID;

/**
 * UUIDs in their canonical 36-character form only. {@link UUID#fromString} also takes forms such as
 * {@code 1-2-3-4-5}, so two different strings could name the same device.
 */
public final class Uuids {

    private Uuids() {}

    public static Optional<UUID> parseCanonical(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !isAsciiHex(c)) {
                return Optional.empty();
            }
        }
        return Optional.of(UUID.fromString(text));
    }

    private static boolean isAsciiHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
