package io.atc.keys.apikeys;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a client asks for when creating a key. */
@Schema(example = ApiKeyExamples.DRAFT)
public record ApiKeyDraft(
        @NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters")
        String name,

        @Schema(
                description = "at least one of admin, keys:read, keys:write, audit:read, audit:erase, sites:read,"
                        + " sites:write, devices:read, devices:write, events:read, images:read, retention:read,"
                        + " retention:write; only scopes the caller holds",
                required = true)
        List<String> scopes,

        @Schema(description = "when the key stops working; must be in the future; never when absent")
        OffsetDateTime expiresAt,

        @Schema(description = "IPv4 or IPv6 CIDR blocks the key may be used from; any address when absent or empty")
        List<String> allowedCidrs,

        @Schema(
                description = "browser origins (scheme://host[:port]) that may call with the key (CORS);"
                        + " none when absent or empty")
        List<String> allowedOrigins) {}
