package io.atc.keys.console;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

import io.atc.core.crypto.Ed25519Keys;
import io.atc.keys.config.ConsoleConfig;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;

/**
 * The session cookie: a JWT (EdDSA, issuer atc-console) carried in an HttpOnly cookie, naming the
 * tenant, the user and a random session id whose SHA-256 is the server-side session row
 * ({@link ConsoleSessions}); the row, not the cookie, decides whether the session still exists.
 * The cookie also carries its absolute expiry, the time it was last used (re-signed on every use:
 * the idle timeout) and a random CSRF token that the browser must echo in X-CSRF-Token for every
 * change made with the cookie (double submit: another site can send the cookie, but cannot read
 * the token).
 */
@ApplicationScoped
public class SessionTokens {

    static final String ISSUER = "atc-console";
    static final String COOKIE = "__Host-atc_session";
    static final String CSRF_COOKIE = "__Host-atc_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";

    private static final Logger LOG = Logger.getLogger(SessionTokens.class);

    private final KeyPair keys;
    private final Duration lifetime;
    private final Duration idleTimeout;
    private final Clock clock;
    private final JwtConsumer consumer;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public SessionTokens(ConsoleConfig config) {
        this(config, Clock.systemUTC());
    }

    SessionTokens(ConsoleConfig config, Clock clock) {
        this.keys = config.sessionSigningKey()
                .filter(key -> !key.isBlank())
                .map(Ed25519Keys::fromPkcs8)
                .orElseGet(() -> {
                    LOG.warn(
                            "ATC_CONSOLE_SESSION_SIGNING_KEY is not set: console sessions are signed with a key of this"
                                    + " process only (they end on restart and are not valid on other replicas)");
                    return Ed25519Keys.generate();
                });
        this.lifetime = config.sessionLifetime();
        this.idleTimeout = config.sessionIdleTimeout();
        this.clock = clock;
        this.consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setExpectedIssuer(ISSUER)
                .setExpectedAudience(ISSUER)
                .setVerificationKey(keys.getPublic())
                .setJwsAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.ConstraintType.PERMIT, "EdDSA")
                .build();
    }

    /** A new session's cookie claims: a random session id and CSRF token, expiring one lifetime from now. */
    SessionCookie newSession(UUID tenant, UUID userId) {
        Instant now = clock.instant();
        return new SessionCookie(tenant, userId, randomToken(), randomToken(), now.plus(lifetime), now);
    }

    /** The cookie value for {@code session}, marked as used now. */
    String sign(SessionCookie session) {
        return Jwt.issuer(ISSUER)
                .audience(ISSUER)
                .subject("user:" + session.userId())
                .claim("tenant", session.tenant().toString())
                .claim("sid", session.sessionId())
                .claim("csrf", session.csrfToken())
                .claim("used", session.usedAt().getEpochSecond())
                .expiresAt(session.expiresAt().getEpochSecond())
                .jws()
                .algorithm(SignatureAlgorithm.EDDSA)
                .sign(keys.getPrivate());
    }

    /** The same session, used now: the cookie to send back so that the idle clock restarts. */
    SessionCookie touched(SessionCookie session) {
        return session.usedAt(clock.instant());
    }

    /**
     * What a cookie claims, if it is ours, unexpired and not idle for too long. For anything but a
     * safe method the CSRF header must match the token bound into the session, compared in constant
     * time. Whether the session still exists is for {@link ConsoleSessions} to say.
     */
    Optional<SessionCookie> read(String cookie, String method, String csrfHeader) {
        if (cookie == null || cookie.isBlank()) {
            return Optional.empty();
        }
        try {
            JwtClaims claims = consumer.processToClaims(cookie);
            String csrf = claims.getStringClaimValue("csrf");
            boolean safe = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
            if (!safe
                    && (csrfHeader == null
                            || !MessageDigest.isEqual(
                                    csrf.getBytes(StandardCharsets.US_ASCII),
                                    csrfHeader.getBytes(StandardCharsets.US_ASCII)))) {
                return Optional.empty();
            }
            Instant usedAt = Instant.ofEpochSecond(claims.getClaimValue("used", Long.class));
            Instant now = clock.instant();
            Instant expiresAt = Instant.ofEpochSecond(claims.getExpirationTime().getValue());
            if (!now.isBefore(usedAt.plus(idleTimeout)) || !now.isBefore(expiresAt)) {
                return Optional.empty();
            }
            return Optional.of(new SessionCookie(
                    UUID.fromString(claims.getStringClaimValue("tenant")),
                    UUID.fromString(claims.getSubject().substring("user:".length())),
                    claims.getStringClaimValue("sid"),
                    csrf,
                    expiresAt,
                    usedAt));
        } catch (InvalidJwtException | org.jose4j.jwt.MalformedClaimException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private String randomToken() {
        byte[] token = new byte[32];
        random.nextBytes(token);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /** What the session row is found by: SHA-256 of the session id (256 random bits need no salt or pepper). */
    static byte[] hash(String sessionId) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a session cookie. The session id never leaves this process except in the cookie. */
    record SessionCookie(
            UUID tenant, UUID userId, String sessionId, String csrfToken, Instant expiresAt, Instant usedAt) {

        SessionCookie usedAt(Instant now) {
            return new SessionCookie(tenant, userId, sessionId, csrfToken, expiresAt, now);
        }

        byte[] sessionHash() {
            return hash(sessionId);
        }

        @Override
        public String toString() {
            return "SessionCookie[" + tenant + ", " + userId + "]";
        }
    }
}
