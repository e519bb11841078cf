package io.atc.keys.console;

import java.time.Instant;
import java.util.UUID;

/** A signed-in console user. {@code csrfToken} must come back in X-CSRF-Token on every cookie-authenticated change. */
public record ConsoleSession(UUID tenant, UUID userId, Instant expiresAt, String csrfToken) {
}
