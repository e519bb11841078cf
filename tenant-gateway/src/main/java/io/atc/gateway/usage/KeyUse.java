package io.atc.gateway.usage;

import java.time.Instant;
import java.util.UUID;

import io.vertx.core.json.JsonObject;

/**
 * A key the gateway admitted: its tenant, its id, when, and the client address (null when unknown).
 * No secret: neither the key nor its prefix.
 */
public record KeyUse(UUID tenantId, UUID keyId, Instant at, String from) {

    JsonObject json() {
        JsonObject json = new JsonObject()
                .put("tenantId", tenantId.toString())
                .put("keyId", keyId.toString())
                .put("at", at.toString());
        return from == null ? json : json.put("from", from);
    }
}
