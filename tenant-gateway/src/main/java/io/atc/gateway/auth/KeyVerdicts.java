package io.atc.gateway.auth;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.atc.core.keys.KeyVerdict;
import io.atc.gateway.identity.AuthenticatedKey;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Reads the keys-service's {@link KeyVerdict} JSON into a {@link KeyCheck}. An answer that does not
 * make sense (an unknown status, an active key without its tenant, a prefix other than the one
 * presented) is treated as no answer: {@link AuthOutcome#UNAVAILABLE}, never as a success.
 */
final class KeyVerdicts {

    private KeyVerdicts() {}

    static KeyCheck toCheck(JsonObject verdict, String presentedPrefix) {
        String status = verdict.getString("status");
        if (status == null) {
            return KeyCheck.failed(AuthOutcome.UNAVAILABLE);
        }
        return switch (status) {
            case "active" -> active(verdict, presentedPrefix);
            case "revoked" -> KeyCheck.failed(AuthOutcome.REVOKED);
            case "expired" -> KeyCheck.failed(AuthOutcome.EXPIRED);
            case KeyVerdict.UNKNOWN -> KeyCheck.failed(AuthOutcome.UNKNOWN);
            default -> KeyCheck.failed(AuthOutcome.UNAVAILABLE);
        };
    }

    private static KeyCheck active(JsonObject verdict, String presentedPrefix) {
        String tenant = verdict.getString("tenant");
        String keyId = verdict.getString("keyId");
        if (tenant == null || keyId == null || !presentedPrefix.equals(verdict.getString("prefix"))) {
            return KeyCheck.failed(AuthOutcome.UNAVAILABLE);
        }
        String expiresAt = verdict.getString("expiresAt");
        return KeyCheck.ok(new AuthenticatedKey(
                UUID.fromString(tenant),
                UUID.fromString(keyId),
                presentedPrefix,
                strings(verdict.getJsonArray("scopes")),
                expiresAt == null ? null : OffsetDateTime.parse(expiresAt).toInstant(),
                strings(verdict.getJsonArray("allowedCidrs")),
                strings(verdict.getJsonArray("allowedOrigins"))));
    }

    private static List<String> strings(JsonArray array) {
        return array == null
                ? List.of()
                : array.stream().map(String.class::cast).toList();
    }
}
