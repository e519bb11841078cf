package io.atc.gateway.auth;

import java.util.UUID;

/**
 * A CDI event: a key's state changed somewhere in the cluster (the keys-service's NOTIFY on
 * {@code atc_key_changes} after its commit). {@code everything} is true when notifications may
 * have been missed (the listener reconnected): every cached key decision must then be dropped.
 */
public record KeyChanged(UUID tenant, UUID keyId, String prefix, String change, boolean everything) {

    public static KeyChanged missedSome() {
        return new KeyChanged(null, null, null, "resync", true);
    }
}
