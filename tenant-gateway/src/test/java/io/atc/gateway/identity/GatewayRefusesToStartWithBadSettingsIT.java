package io.atc.gateway.identity;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.atc.core.crypto.Ed25519Keys;
import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.postgres.TestDatabase;
import io.atc.testkit.quarkus.PackagedServiceRefusal;

/**
 * The packaged gateway, started without a usable signing key or with a bad setting, exits non-zero within seconds and
 * says why in one log line, without a stack trace. Runs against the built jar (failsafe).
 * Breaks when: the check is removed (the gateway would start and every forwarded request would be
 * rejected upstream) or the minter's own failure surfaces first as a stack trace.
 */
class GatewayRefusesToStartWithBadSettingsIT {

    @Test
    void missingKey() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("ATC_INTERNAL_JWT_PRIVATE_KEY", null);
        assertRefused(env, "ATC_INTERNAL_JWT_PRIVATE_KEY is not set");
    }

    @Test
    void malformedKey() throws Exception {
        assertRefused(
                Map.of("ATC_INTERNAL_JWT_PRIVATE_KEY", "bm90IGEga2V5"), "is not a base64 PKCS#8 Ed25519 private key");
    }

    @Test
    void keyOfAnotherPair() throws Exception {
        assertRefused(
                Map.of(
                        "ATC_INTERNAL_JWT_PRIVATE_KEY",
                        Ed25519Keys.base64(Ed25519Keys.generate().getPrivate())),
                "does not pair with ATC_INTERNAL_JWT_PUBLIC_KEY");
    }

    @Test
    void rateLimitOutOfRange() throws Exception {
        assertRefused(Map.of("ATC_GATEWAY_RATE_LIMIT_REQUESTS_PER_SECOND", "1e7"), "requests per second must be");
    }

    /** Breaks when: the services' main runs without StartupExitHandler (Quarkus prints its own report and exits 1). */
    @Test
    void valueOutsideItsBound() throws Exception {
        assertRefused(
                Map.of("ATC_GATEWAY_CLIENT_IP_MAX_HOPS", "500"),
                "ATC-STARTUP-CONFIG ATC_GATEWAY_CLIENT_IP_MAX_HOPS: must be less than or equal to 100");
    }

    @Test
    void trustedProxyThatIsNotACidr() throws Exception {
        assertRefused(Map.of("ATC_GATEWAY_TRUSTED_PROXIES", "proxy.example.com"), "trusted-proxies");
    }

    private static void assertRefused(Map<String, String> overrides, String... reasons) throws Exception {
        TestDatabase database = TestDatabase.shared();
        Map<String, String> env = new HashMap<>();
        env.put("ATC_GATEWAY_PORT", "0");
        env.put("ATC_GATEWAY_MANAGEMENT_PORT", "0");
        env.put("ATC_LOG_JSON", "false");
        env.put("ATC_DB_URL", database.target().uri());
        env.put("ATC_DB_APP_USER", database.target().appUser());
        env.put("ATC_DB_APP_PASSWORD", database.target().appPassword());
        env.put("ATC_INTERNAL_JWT_PUBLIC_KEY", InternalTokens.publicKey());
        env.put("ATC_INTERNAL_JWT_PRIVATE_KEY", InternalTokens.privateKey());
        env.putAll(overrides);
        PackagedServiceRefusal.assertRefused(env, reasons);
    }
}
