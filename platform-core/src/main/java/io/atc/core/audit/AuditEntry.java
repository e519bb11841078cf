package io.atc.core.audit;

import java.util.Map;
import java.util.Objects;

/**
 * What one mutation records: who did it, what, to what, and a payload of details. The payload is
 * committed to by a salted hash, so it can be erased later without breaking the chain; it must
 * never hold a secret (a raw key, a password, a token).
 *
 * @param actor  who acted, e.g. {@code key:<id>}, {@code user:<id>} or {@code platform}
 * @param action what happened, dotted, e.g. {@code site.created}
 * @param target what it happened to, e.g. {@code site:<id>}; erasure by subject matches it
 */
public record AuditEntry(String actor, String action, String target, Map<String, Object> payload) {

    public AuditEntry {
        requireText("actor", actor);
        requireText("action", action);
        requireText("target", target);
        payload = Map.copyOf(Objects.requireNonNull(payload, "payload"));
    }

    public static AuditEntry of(String actor, String action, String target) {
        return new AuditEntry(actor, action, target, Map.of());
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank() || value.length() > 500) {
            throw new IllegalArgumentException("audit " + name + " must be 1..500 characters");
        }
    }
}
