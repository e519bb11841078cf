package io.atc.keys.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.atc.core.crypto.Ed25519Keys;
import io.atc.keys.config.ConsoleConfig;

/**
 * A session cookie is refused once idle for the idle timeout, and after its absolute lifetime
 * however active it was; each use restarts the idle clock (the cookie sent back is re-signed).
 * Breaks when: the idle claim is ignored, a touch moves the absolute expiry, or expiry is not checked.
 */
class SessionCookieExpiryTests {

    private static final String KEY = Ed25519Keys.base64(Ed25519Keys.generate().getPrivate());
    private final MovableClock clock = new MovableClock();
    private final SessionTokens tokens = new SessionTokens(config(Duration.ofHours(1), Duration.ofMinutes(15)), clock);

    @Test
    void anIdleSessionIsRefusedAndUseKeepsItAlive() {
        SessionTokens.SessionCookie session = tokens.newSession(UUID.randomUUID(), UUID.randomUUID());
        String cookie = tokens.sign(session);

        clock.advance(Duration.ofMinutes(14));
        Optional<SessionTokens.SessionCookie> read = tokens.read(cookie, "GET", null);
        assertThat(read).isPresent();
        String touched = tokens.sign(tokens.touched(read.get()));

        clock.advance(Duration.ofMinutes(2));
        assertThat(tokens.read(cookie, "GET", null)).as("idle 16 minutes").isEmpty();
        assertThat(tokens.read(touched, "GET", null)).as("used 2 minutes ago").isPresent();
    }

    @Test
    void anActiveSessionEndsAtItsAbsoluteExpiry() {
        String cookie = tokens.sign(tokens.newSession(UUID.randomUUID(), UUID.randomUUID()));
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMinutes(10));
            cookie = tokens.sign(tokens.touched(tokens.read(cookie, "GET", null).orElseThrow()));
        }
        clock.advance(Duration.ofMinutes(10));
        assertThat(tokens.read(cookie, "GET", null))
                .as("60 minutes after sign-in")
                .isEmpty();
    }

    @Test
    void aChangeNeedsTheCsrfTokenAndACookieOfAnotherKeyIsRefused() {
        SessionTokens.SessionCookie session = tokens.newSession(UUID.randomUUID(), UUID.randomUUID());
        String cookie = tokens.sign(session);
        assertThat(tokens.read(cookie, "DELETE", null)).isEmpty();
        assertThat(tokens.read(cookie, "DELETE", session.csrfToken() + "x")).isEmpty();
        assertThat(tokens.read(cookie, "DELETE", session.csrfToken())).isPresent();

        SessionTokens otherKey = new SessionTokens(
                config(
                        Duration.ofHours(1),
                        Duration.ofMinutes(15),
                        Ed25519Keys.base64(Ed25519Keys.generate().getPrivate())),
                clock);
        assertThat(otherKey.read(cookie, "GET", null)).isEmpty();
    }

    static ConsoleConfig config(Duration lifetime, Duration idle) {
        return config(lifetime, idle, KEY);
    }

    static ConsoleConfig config(Duration lifetime, Duration idle, String key) {
        return Configs.of(
                ConsoleConfig.class,
                Map.of("sessionSigningKey", Optional.of(key), "sessionLifetime", lifetime, "sessionIdleTimeout", idle));
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
