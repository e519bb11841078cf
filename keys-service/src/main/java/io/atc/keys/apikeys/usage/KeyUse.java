package io.atc.keys.apikeys.usage;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One key's use as a gateway saw it: the tenant the key's verification named, the key, when, and the
 * client address the gateway resolved (null when it had none).
 */
public record KeyUse(
        @NotNull(message = "is required") UUID tenantId,
        @NotNull(message = "is required") UUID keyId,
        @NotNull(message = "is required") OffsetDateTime at,
        @Size(max = 45, message = "must be an IP address") String from) {}
