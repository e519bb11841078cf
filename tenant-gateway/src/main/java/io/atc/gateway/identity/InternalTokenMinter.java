package io.atc.gateway.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.atc.core.config.InternalTokenConfig;
import io.atc.core.crypto.Ed25519Keys;
import io.atc.gateway.config.GatewayConfig;
import io.netty.util.AsciiString;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Mints the short-lived internal tokens (compact JWS, EdDSA) that services verify with smallrye-jwt:
 * issuer, audience, subject {@code key:<id>}, the tenant and the key's scopes. A key's token is
 * cached and reused until half its lifetime is gone, so the hot path does not sign per request;
 * it never outlives the key's own expiry.
 */
@Singleton
public class InternalTokenMinter {

    static final int MAX_CACHED = 100_000;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER =
            BASE64URL.encodeToString("{\"alg\":\"EdDSA\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final PrivateKey signingKey;
    private final String issuer;
    private final String audience;
    private final Duration lifetime;
    private final Clock clock;
    private final Map<UUID, Minted> byKey = new ConcurrentHashMap<>();
    private volatile Minted gateway;

    /** A missing or unusable key is refused at start-up by {@link SigningKeyStartupCheck}, with the reason. */
    @Inject
    public InternalTokenMinter(InternalTokenConfig token, GatewayConfig gateway) {
        this(token.privateKey(), token.issuer(), token.audience(), gateway.internalTokenLifetime());
    }

    public InternalTokenMinter(Optional<String> privateKey, String issuer, String audience, Duration lifetime) {
        this(
                privateKey.flatMap(InternalTokenMinter::signingKey).orElse(null),
                issuer,
                audience,
                lifetime,
                Clock.systemUTC());
    }

    /** The lifetime's bounds (10 s to 15 min) are GatewayConfig's. */
    InternalTokenMinter(PrivateKey signingKey, String issuer, String audience, Duration lifetime, Clock clock) {
        this.signingKey = signingKey;
        this.issuer = issuer;
        this.audience = audience;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** The token forwarded with a request authenticated by {@code key}. */
    public String tokenFor(AuthenticatedKey key) {
        return mintedFor(key).token();
    }

    /** {@code Bearer <token for key>}, encoded once per token: the Authorization value the gateway forwards. */
    public AsciiString authorizationFor(AuthenticatedKey key) {
        return mintedFor(key).authorization();
    }

    private Minted mintedFor(AuthenticatedKey key) {
        Instant now = clock.instant();
        Minted cached = byKey.get(key.keyId());
        if (cached != null && now.isBefore(cached.refreshAfter())) {
            return cached;
        }
        Instant expires = now.plus(lifetime);
        if (key.expiresAt() != null && key.expiresAt().isBefore(expires)) {
            expires = key.expiresAt();
        }
        JsonObject claims = baseClaims(now, expires)
                .put("sub", "key:" + key.keyId())
                .put("tenant", key.tenant().toString())
                .put("scopes", new JsonArray(key.scopes()));
        Minted minted = Minted.of(sign(claims), refreshAfter(now, expires));
        if (byKey.size() >= MAX_CACHED) {
            byKey.clear();
        }
        byKey.put(key.keyId(), minted);
        return minted;
    }

    /**
     * {@code Bearer <token>} for a console user signed in to {@code tenant}: subject {@code user:<id>} and
     * the user's scopes, as the keys-service read them for this very request. Minted per request, never
     * cached: the session is checked on every request, and a token must not outlive a session ended
     * since.
     */
    public AsciiString authorizationForUser(UUID tenant, UUID userId, java.util.List<String> scopes) {
        Instant now = clock.instant();
        JsonObject claims = baseClaims(now, now.plus(lifetime))
                .put("sub", "user:" + userId)
                .put("tenant", tenant.toString())
                .put("scopes", new JsonArray(scopes));
        return AsciiString.of("Bearer " + sign(claims));
    }

    /** The gateway's own token (group {@code gateway}, no tenant), for internal endpoints such as key verification. */
    public String gatewayToken() {
        return gatewayMinted().token();
    }

    /** {@code Bearer <gateway token>}, encoded once per token. */
    public AsciiString gatewayAuthorization() {
        return gatewayMinted().authorization();
    }

    private Minted gatewayMinted() {
        Instant now = clock.instant();
        Minted cached = gateway;
        if (cached != null && now.isBefore(cached.refreshAfter())) {
            return cached;
        }
        Instant expires = now.plus(lifetime);
        JsonObject claims =
                baseClaims(now, expires).put("sub", "gateway").put("groups", new JsonArray().add("gateway"));
        Minted minted = Minted.of(sign(claims), refreshAfter(now, expires));
        gateway = minted;
        return minted;
    }

    /** Forgets a key's token, e.g. when the key changed; the next request mints a fresh one. */
    public void forget(UUID keyId) {
        byKey.remove(keyId);
    }

    /** Forgets every key's token, when key changes may have been missed. */
    public void forgetAll() {
        byKey.clear();
    }

    /** Why the configured signing key is unusable, if it is; a public key, when configured, must be its pair. */
    public static Optional<String> problemWith(Optional<String> privateKey, Optional<String> publicKey) {
        if (privateKey.filter(key -> !key.isBlank()).isEmpty()) {
            return Optional.of("ATC_INTERNAL_JWT_PRIVATE_KEY is not set: the gateway signs the internal token every"
                    + " service requires (base64 PKCS#8 Ed25519 private key)");
        }
        KeyPair pair;
        try {
            pair = Ed25519Keys.fromPkcs8(privateKey.get());
        } catch (IllegalArgumentException e) {
            return Optional.of("ATC_INTERNAL_JWT_PRIVATE_KEY is not a base64 PKCS#8 Ed25519 private key");
        }
        Optional<PublicKey> expected = publicKey.filter(key -> !key.isBlank()).flatMap(InternalTokenMinter::publicKey);
        if (expected.isPresent()
                && !Arrays.equals(expected.get().getEncoded(), pair.getPublic().getEncoded())) {
            return Optional.of("ATC_INTERNAL_JWT_PRIVATE_KEY does not pair with ATC_INTERNAL_JWT_PUBLIC_KEY:"
                    + " services would reject every token the gateway signs");
        }
        return Optional.empty();
    }

    private static Optional<PrivateKey> signingKey(String base64) {
        try {
            return Optional.of(Ed25519Keys.fromPkcs8(base64).getPrivate());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<PublicKey> publicKey(String base64) {
        try {
            return Optional.of(Ed25519Keys.publicKey(base64));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private JsonObject baseClaims(Instant now, Instant expires) {
        return new JsonObject()
                .put("iss", issuer)
                .put("aud", audience)
                .put("iat", now.getEpochSecond())
                .put("exp", expires.getEpochSecond())
                .put("jti", UUID.randomUUID().toString());
    }

    private static Instant refreshAfter(Instant now, Instant expires) {
        return now.plus(Duration.between(now, expires).dividedBy(2));
    }

    private String sign(JsonObject claims) {
        if (signingKey == null) {
            throw new IllegalStateException("no usable ATC_INTERNAL_JWT_PRIVATE_KEY");
        }
        String signingInput =
                HEADER + "." + BASE64URL.encodeToString(claims.encode().getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(signingKey);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    private record Minted(String token, AsciiString authorization, Instant refreshAfter) {
        static Minted of(String token, Instant refreshAfter) {
            return new Minted(token, AsciiString.of("Bearer " + token), refreshAfter);
        }
    }
}
