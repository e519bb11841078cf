package io.atc.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.atc.core.keys.ApiKeyFormat;
import io.atc.core.keys.ParsedApiKey;

/**
 * A flood of distinct unknown keys never repeats, so the negative cache cannot help against it; it
 * must at least not hurt: refusals live in their own bounded cache (RejectedKeys), apart from the
 * verified keys (VerifiedKeys), so they churn among themselves and never evict a real key's entry.
 * Breaks if both are kept in one size-bounded cache.
 */
class RefusedKeysCannotEvictRealKeysTests {

    @RegisterExtension
    static final FakeKeysServiceExtension FAKE = new FakeKeysServiceExtension();

    private final ApiKeyFormat format = new ApiKeyFormat(GatewayReplica.ENVIRONMENT);

    @Test
    void twoThousandDistinctRefusalsLeaveTheVerifiedKeysCached() {
        ParsedApiKey real = format.generate();
        FAKE.keysService()
                .answer(presented -> presented.equals(real.raw())
                        ? FakeKeysService.Reply.verdict(
                                FakeKeysService.active(UUID.randomUUID(), UUID.randomUUID(), real.prefix(), null))
                        : FakeKeysService.Reply.verdict(FakeKeysService.unknown()));
        try (GatewayReplica gateway = new GatewayReplica(
                FAKE.vertx(),
                FAKE.keysService().verifyUrl(),
                GatewayReplica.limits(Map.of(
                        "atc.gateway.keys.cache-max-entries", "10",
                        "atc.gateway.keys.negative-cache-max-entries", "100",
                        "atc.gateway.keys.per-address.cold-verifications-per-second", "0",
                        "atc.gateway.keys.per-address.max-cold-in-flight", "0")),
                Duration.ofSeconds(3),
                Clock.systemUTC())) {
            assertThat(gateway.outcome(real.raw())).isEqualTo(AuthOutcome.OK);

            for (int i = 0; i < 2000; i++) {
                assertThat(gateway.outcome(format.generate().raw())).isEqualTo(AuthOutcome.UNKNOWN);
            }

            assertThat(gateway.authenticator.known(real.raw()))
                    .as("still answered from memory")
                    .isNotNull()
                    .extracting(KeyCheck::outcome)
                    .isEqualTo(AuthOutcome.OK);
            assertThat(gateway.meters
                            .get("atc.gateway.keys.cached")
                            .tag("cache", "rejected")
                            .gauge()
                            .value())
                    .as("the refusals stay within their own bound")
                    .isLessThanOrEqualTo(100);
        }
    }
}
