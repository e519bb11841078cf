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
        UUID rotatedTo,

        @Schema(
                description = "when the key last passed the gateway (authenticated, from an allowed address and"
                        + " origin, within its rate limit); coarse: recorded at most once a minute, and a minute or"
                        + " two late; absent until the key is first used")
        OffsetDateTime lastUsedAt,

        @Schema(
                description = "the client address of that use, as the gateway resolved it (behind trusted proxies:"
                        + " the forwarded client); absent until the key is first used",
                example = "203.0.113.7")
        String lastUsedFrom,

        @Schema(
                description = "true when the key is active and was neither used nor created within the deployment's"
                        + " unused period (`ATC_KEYS_UNUSED_AFTER_DAYS`, 90 days by default): a candidate to revoke")
        boolean unused) {

    /** This view with its {@link #unused()} flag decided. */
    public ApiKeyView flaggedUnused(boolean flag) {
        return new ApiKeyView(
                id,
                prefix,
                name,
                scopes,
                allowedCidrs,
                allowedOrigins,
                expiresAt,
                status,
                createdAt,
                createdBy,
                revokedAt,
                rotatedTo,
                lastUsedAt,
                lastUsedFrom,
                flag);
    }
}
