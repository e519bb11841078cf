package io.atc.keys.apikeys;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A key as listed: everything about it except the secret, which the server does not have. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKeyView(
        UUID id,
        String prefix,
        String name,
        List<String> scopes,
        List<String> allowedCidrs,
        List<String> allowedOrigins,
        OffsetDateTime expiresAt,
        String status,
        OffsetDateTime createdAt,
        String createdBy,
        OffsetDateTime revokedAt,
        UUID rotatedTo) {}
