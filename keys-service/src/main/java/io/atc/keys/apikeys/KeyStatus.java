package io.atc.keys.apikeys;

import java.time.OffsetDateTime;

/** Whether a key works now. Expiry is evaluated at read time, so an expired key never needs an update. */
public enum KeyStatus {
    ACTIVE,
    EXPIRED,
    REVOKED;

    public static KeyStatus of(OffsetDateTime revokedAt, OffsetDateTime expiresAt) {
        if (revokedAt != null) {
            return REVOKED;
        }
        if (expiresAt != null && !expiresAt.isAfter(OffsetDateTime.now())) {
            return EXPIRED;
        }
        return ACTIVE;
    }

    public String label() {
        return name().toLowerCase();
    }
}
