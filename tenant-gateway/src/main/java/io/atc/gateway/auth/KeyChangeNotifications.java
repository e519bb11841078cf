package io.atc.gateway.auth;

import java.util.Optional;
import java.util.UUID;

import io.vertx.core.json.JsonObject;

/**
 * Reads a payload of the Postgres channel {@code atc_key_changes}, as the keys-service's
 * KeyChangeNotifier writes it: {@code {"tenant":…,"keyId":…,"prefix":…,"change":…}}.
 */
final class KeyChangeNotifications {

    static final String CHANNEL = "atc_key_changes";

    private KeyChangeNotifications() {}

    /** The change, or nothing when the payload is not one (it is then ignored, never trusted in part). */
    static Optional<KeyChanged> parse(String payload) {
        try {
            JsonObject json = new JsonObject(payload);
            UUID tenant = UUID.fromString(json.getString("tenant"));
            UUID keyId = UUID.fromString(json.getString("keyId"));
            String prefix = json.getString("prefix");
            String change = json.getString("change");
            if (prefix == null || prefix.isBlank() || change == null || change.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(new KeyChanged(tenant, keyId, prefix, change, false));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
