package io.atc.keys.apikeys;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A key as listed: everything about it except the secret, which the server does not have. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(example = ApiKeyExamples.KEY)
public record ApiKeyView(
        UUID id,

        @Schema(
                description = "the key's public start (`atc_<env>_<id>`), safe to show and log",
                example = "atc_live_4fQk2ZrT9pLx")
        String prefix,

        String name,
        List<String> scopes,

        @Schema(description = "CIDR blocks the key may be used from; any address when empty")
        List<String> allowedCidrs,

        @Schema(description = "browser origins that may call with the key")
        List<String> allowedOrigins,

        @Schema(description = "absent when the key never expires")
        OffsetDateTime expiresAt,

        @Schema(enumeration = {"active", "expired", "revoked"})
        String status,

        OffsetDateTime createdAt,

        @Schema(description = "who created it: `key:<keyId>`, `user:<userId>` or `operator`")
        String createdBy,

        @Schema(description = "absent until the key is revoked")
        OffsetDateTime revokedAt,

        @Schema(description = "the successor's id once the key was rotated")
        UUID rotatedTo) {}
