package io.atc.keys.console;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A signed-in console user of one tenant, holding the scopes the user was created with.
 * {@code csrfToken} must come back in X-CSRF-Token on every cookie-authenticated change.
 */
public record ConsoleSession(UUID tenant, UUID userId, List<String> scopes, Instant expiresAt, String csrfToken) {}
