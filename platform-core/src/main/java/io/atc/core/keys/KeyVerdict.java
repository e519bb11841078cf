package io.atc.core.keys;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the gateway learns about a presented key. Only an {@code active} verdict carries the
 * key's settings; {@code unknown} covers malformed, foreign-environment, bad-checksum, absent
 * and wrong-secret keys alike, so the answer says nothing about which.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyVerdict(
        String status,
        UUID tenant,
        UUID keyId,
        String prefix,
        List<String> scopes,
        OffsetDateTime expiresAt,
        List<String> allowedCidrs,
        List<String> allowedOrigins) {

    public static final String UNKNOWN = "unknown";

    public static KeyVerdict unknown() {
        return new KeyVerdict(UNKNOWN, null, null, null, null, null, null, null);
    }

    public static KeyVerdict inactive(String status, UUID tenant, UUID keyId, String prefix) {
        return new KeyVerdict(status, tenant, keyId, prefix, null, null, null, null);
    }
}
