package io.atc.testkit.identity;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Mints the internal tokens the gateway would forward, signed with a key pair that exists only
 * for this test run. Services under test are configured with its public key.
 */
public final class InternalTokens {

    public static final String ISSUER = "atc-gateway";
    public static final String AUDIENCE = "atc-services";

    private static final KeyPair KEYS = generate();

    private InternalTokens() {}

    /** The value services read from ATC_INTERNAL_JWT_PUBLIC_KEY. */
    public static String publicKey() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    /** The value the gateway reads from ATC_INTERNAL_JWT_PRIVATE_KEY (base64 PKCS#8). */
    public static String privateKey() {
        return Base64.getEncoder().encodeToString(KEYS.getPrivate().getEncoded());
    }

    /** A token of an admin key of the tenant. */
    public static String forTenant(UUID tenantId) {
        return forTenant(tenantId, "admin");
    }

    public static String forTenant(UUID tenantId, String... scopes) {
        return signed(tenantKey(tenantId, List.of(scopes)), KEYS.getPrivate());
    }

    /**
     * A token no real caller holds: an admin key of the tenant that is also the gateway, so that a
     * test meant to reach every endpoint's input handling is stopped by no authorisation check.
     */
    public static String withEveryPermission(UUID tenantId) {
        return signed(tenantKey(tenantId, List.of("admin")).groups("gateway"), KEYS.getPrivate());
    }

    /** The gateway's own token, for internal endpoints (no tenant). */
    public static String forGateway() {
        return signed(claims().subject("gateway").groups("gateway"), KEYS.getPrivate());
    }

    /** A well-formed token signed by a key no service trusts. */
    public static String forgedForTenant(UUID tenantId) {
        return signed(claims().claim("tenant", tenantId.toString()), generate().getPrivate());
    }

    private static JwtClaimsBuilder claims() {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).expiresIn(300);
    }

    private static JwtClaimsBuilder tenantKey(UUID tenantId, List<String> scopes) {
        return claims().subject("key:test").claim("tenant", tenantId.toString()).claim("scopes", scopes);
    }

    private static String signed(JwtClaimsBuilder claims, PrivateKey key) {
        return claims.jws().algorithm(SignatureAlgorithm.EDDSA).sign(key);
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK lacks Ed25519", e);
        }
    }
}
