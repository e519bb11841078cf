package io.atc.keys.console;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

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
 * Console sessions: a short-lived JWT (EdDSA, issuer atc-console) carried in an HttpOnly cookie,
 * bound to a random CSRF token that the browser must echo in X-CSRF-Token for every change made
 * with the cookie (double submit: another site can send the cookie, but cannot read the token).
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
    private final JwtConsumer consumer;
    private final SecureRandom random = new SecureRandom();

    public SessionTokens(ConsoleConfig config) {
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
        this.consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setExpectedIssuer(ISSUER)
                .setExpectedAudience(ISSUER)
                .setVerificationKey(keys.getPublic())
                .setJwsAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.ConstraintType.PERMIT, "EdDSA")
                .build();
    }

    /** A new session: its cookie value (the JWT) and the CSRF token the browser echoes. */
    Issued issue(UUID tenant, UUID userId, List<String> scopes) {
        byte[] csrf = new byte[32];
        random.nextBytes(csrf);
        String csrfToken = Base64.getUrlEncoder().withoutPadding().encodeToString(csrf);
        Instant expires = Instant.now().plus(lifetime);
        String jwt = Jwt.issuer(ISSUER)
                .audience(ISSUER)
                .subject("user:" + userId)
                .claim("tenant", tenant.toString())
                .claim("scopes", scopes)
                .claim("csrf", csrfToken)
                .expiresAt(expires.getEpochSecond())
                .jws()
                .algorithm(SignatureAlgorithm.EDDSA)
                .sign(keys.getPrivate());
        return new Issued(jwt, new ConsoleSession(tenant, userId, scopes, expires, csrfToken), lifetime);
    }

    /**
     * The session a cookie proves, if any. For anything but a safe method the CSRF header must
     * match the token bound into the session, compared in constant time.
     */
    Optional<ConsoleSession> verify(String cookie, String method, String csrfHeader) {
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
            return Optional.of(new ConsoleSession(
                    UUID.fromString(claims.getStringClaimValue("tenant")),
                    UUID.fromString(claims.getSubject().substring("user:".length())),
                    List.copyOf(claims.getStringListClaimValue("scopes")),
                    Instant.ofEpochSecond(claims.getExpirationTime().getValue()),
                    csrf));
        } catch (InvalidJwtException | org.jose4j.jwt.MalformedClaimException | RuntimeException e) {
            return Optional.empty();
        }
    }

    record Issued(String cookieValue, ConsoleSession session, Duration lifetime) {

        @Override
        public String toString() {
            return "Issued[" + session.userId() + "]";
        }
    }
}
