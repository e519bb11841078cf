package io.atc.keys.apikeys;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What is stored for a new key: the hash of its secret, never the secret. */
record NewKeyRow(
        UUID keyId,
        String prefix,
        String fingerprint,
        String secretHash,
        String name,
        List<String> scopes,
        List<String> allowedCidrs,
        List<String> allowedOrigins,
        OffsetDateTime expiresAt,
        String createdBy) {}
