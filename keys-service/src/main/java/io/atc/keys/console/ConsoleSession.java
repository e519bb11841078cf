package io.atc.keys.console;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A signed-in console user of one tenant, holding the scopes the user was created with.
 * {@code csrfToken} must come back in X-CSRF-Token on every cookie-authenticated change.
 */
@Schema(example = ConsoleExamples.SESSION)
public record ConsoleSession(
        UUID tenant,
        UUID userId,
        List<String> scopes,

        @Schema(description = "when the session ends at the latest (it also ends when idle too long)")
        Instant expiresAt,

        @Schema(description = "send it back in X-CSRF-Token on every change made with the session")
        String csrfToken) {}
