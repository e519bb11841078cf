package io.atc.gateway.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.atc.core.crypto.Ed25519Keys;
import io.atc.gateway.auth.AuthenticatedKey;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Mints the short-lived internal tokens (compact JWS, EdDSA) that services verify with smallrye-jwt:
 * issuer, audience, subject {@code key:<id>}, the tenant and the key's scopes. A key's token is
 * cached and reused until half its lifetime is gone, so the hot path does not sign per request;
 * it never outlives the key's own expiry.
 */
@ApplicationScoped
public class InternalTokenMinter {

    static final int MAX_CACHED = 100_000;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = BASE64URL.encodeToString(
            "{\"alg\":\"EdDSA\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final PrivateKey signingKey;
    private final String issuer;
    private final String audience;
    private final Duration lifetime;
    private final Clock clock;
    private final Map<UUID, Minted> byKey = new ConcurrentHashMap<>();
    private volatile Minted gateway;

    @Inject
    public InternalTokenMinter(@ConfigProperty(name = "atc.internal-jwt.private-key") String privateKey,
            @ConfigProperty(name = "atc.internal-jwt.issuer", defaultValue = "atc-gateway") String issuer,
            @ConfigProperty(name = "atc.internal-jwt.audience", defaultValue = "atc-services") String audience,
            @ConfigProperty(name = "atc.gateway.internal-token-lifetime", defaultValue = "PT2M") Duration lifetime) {
        this(Ed25519Keys.fromPkcs8(privateKey).getPrivate(), issuer, audience, lifetime, Clock.systemUTC());
    }

    InternalTokenMinter(PrivateKey signingKey, String issuer, String audience, Duration lifetime, Clock clock) {
        if (lifetime.compareTo(Duration.ofSeconds(10)) < 0 || lifetime.compareTo(Duration.ofMinutes(15)) > 0) {
            throw new IllegalArgumentException("atc.gateway.internal-token-lifetime must be between 10 s and 15 min");
        }
        this.signingKey = signingKey;
        this.issuer = issuer;
        this.audience = audience;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** The token forwarded with a request authenticated by {@code key}. */
    public String tokenFor(AuthenticatedKey key) {
        Instant now = clock.instant();
        Minted cached = byKey.get(key.keyId());
        if (cached != null && now.isBefore(cached.refreshAfter())) {
            return cached.token();
        }
        Instant expires = now.plus(lifetime);
        if (key.expiresAt() != null && key.expiresAt().isBefore(expires)) {
            expires = key.expiresAt();
        }
        JsonObject claims = baseClaims(now, expires)
                .put("sub", "key:" + key.keyId())
                .put("tenant", key.tenant().toString())
                .put("scopes", new JsonArray(key.scopes()));
        Minted minted = new Minted(sign(claims), refreshAfter(now, expires));
        if (byKey.size() >= MAX_CACHED) {
            byKey.clear();
        }
        byKey.put(key.keyId(), minted);
        return minted.token();
    }

    /** The gateway's own token (group {@code gateway}, no tenant), for internal endpoints such as key verification. */
    public String gatewayToken() {
        Instant now = clock.instant();
        Minted cached = gateway;
        if (cached != null && now.isBefore(cached.refreshAfter())) {
            return cached.token();
        }
        Instant expires = now.plus(lifetime);
        JsonObject claims = baseClaims(now, expires).put("sub", "gateway").put("groups", new JsonArray().add("gateway"));
        Minted minted = new Minted(sign(claims), refreshAfter(now, expires));
        gateway = minted;
        return minted.token();
    }

    /** Forgets a key's token, e.g. when the key changed; the next request mints a fresh one. */
    public void forget(UUID keyId) {
        byKey.remove(keyId);
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
        String signingInput = HEADER + "." + BASE64URL.encodeToString(claims.encode().getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(signingKey);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    private record Minted(String token, Instant refreshAfter) {
    }
}
