package io.atc.gateway.cors;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.atc.gateway.GatewayTestResources;
import io.atc.gateway.auth.KeyChanged;
import io.atc.gateway.clientip.ClientIpResolver;
import io.atc.gateway.clientip.IpAllowlist;
import io.atc.gateway.ratelimit.KeyRateLimiter;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.MultiMap;
import io.vertx.core.net.SocketAddress;

/**
 * The rules as the running gateway builds them from its configuration: defaults applied, the
 * preflight origins loaded from the database and refreshed by a KeyChanged event fired through CDI
 * (synchronously, as the key-change listener may fire it, and asynchronously).
 */
@QuarkusTest
@QuarkusTestResource(GatewayTestResources.class)
class GatewayRulesAreWiredTests {

    @Inject
    ClientIpResolver clientIps;

    @Inject
    IpAllowlist allowlist;

    @Inject
    CorsPolicy cors;

    @Inject
    PreflightOrigins preflightOrigins;

    @Inject
    KeyRateLimiter rateLimiter;

    @Inject
    Event<KeyChanged> keyChanges;

    @Test
    void defaultsTrustNoProxyAndLimitToTheDefaultBurst() throws Exception {
        MultiMap spoofed = MultiMap.caseInsensitiveMultiMap().add("X-Forwarded-For", "192.0.2.1");
        assertThat(clientIps.resolve(SocketAddress.inetSocketAddress(40_000, "127.0.0.1"), spoofed))
                .isEqualTo(InetAddress.getByName("127.0.0.1"));
        assertThat(allowlist.permits(List.of("192.0.2.0/24"), InetAddress.getByName("127.0.0.1")))
                .isFalse();

        UUID key = UUID.randomUUID();
        int admitted = 0;
        while (rateLimiter.tryAcquire(key, "atc_test_wiredwiredwir").allowed() && admitted < 1_000) {
            admitted++;
        }
        assertThat(admitted)
                .as("the default burst, give or take the refill during the loop")
                .isBetween(100, 110);
    }

    @Test
    void keyChangeEventsRefreshThePreflightOrigins() throws Exception {
        TestDatabase database = TestDatabase.shared();
        UUID tenant = SyntheticOrganisations.in(database).a().tenantId();
        String origin = TestKeys.uniqueOrigin("wired");
        UUID keyId = TestKeys.insert(database, tenant, List.of(origin), null, null);

        keyChanges.fire(new KeyChanged(tenant, keyId, "atc_test_x", "created", false));
        eventually(() -> preflightOrigins.contains(origin));
        assertThat(cors.decidePreflight(
                        MultiMap.caseInsensitiveMultiMap()
                                .add("Origin", origin)
                                .add("Access-Control-Request-Method", "GET"),
                        MultiMap.caseInsensitiveMultiMap()))
                .isTrue();

        TestKeys.revoke(database, tenant, keyId);
        keyChanges.fireAsync(new KeyChanged(tenant, keyId, "atc_test_x", "revoked", false));
        eventually(() -> !preflightOrigins.contains(origin));
    }

    private static void eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
