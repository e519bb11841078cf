package io.atc.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.atc.gateway.config.GatewayConfig;
import io.atc.testkit.config.ConfigMappings;

/**
 * Token buckets per key against a fake clock. Breaks when: the bucket starts empty or refills at the
 * wrong rate (burst and refill tests), keys share a bucket, overrides are not applied, or
 * Retry-After rounds down to a time at which the request would still be refused.
 */
class KeyRateLimiterTests {

    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong clock = new AtomicLong(123 * SECOND);
    private final UUID key = UUID.randomUUID();

    @Test
    void aFullBucketAdmitsTheBurstThenRefusesWithRetryAfter() {
        KeyRateLimiter limiter = limiter(RateLimits.parse(2, 5, List.of()));

        for (int i = 0; i < 5; i++) {
            assertThat(limiter.tryAcquire(key, "atc_test_aaaaaaaaaaaa").allowed())
                    .as("request %d", i)
                    .isTrue();
        }
        RateDecision refused = limiter.tryAcquire(key, "atc_test_aaaaaaaaaaaa");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void theBucketRefillsAtTheRateAndNeverAboveTheBurst() {
        KeyRateLimiter limiter = limiter(RateLimits.parse(2, 4, List.of()));
        drain(limiter, key);

        clock.addAndGet(SECOND / 2 - 1);
        assertThat(limiter.tryAcquire(key, null).allowed())
                .as("just before one token refilled")
                .isFalse();
        clock.addAndGet(1);
        assertThat(limiter.tryAcquire(key, null).allowed())
                .as("one token after 1/rate")
                .isTrue();
        assertThat(limiter.tryAcquire(key, null).allowed()).isFalse();

        clock.addAndGet(3600 * SECOND);
        assertThat(drain(limiter, key))
                .as("an hour idle refills to the burst, not beyond")
                .isEqualTo(4);
    }

    @Test
    void retryAfterIsTheWholeSecondsUntilATokenIsBack() {
        KeyRateLimiter limiter = limiter(RateLimits.parse(0.1, 1, List.of()));
        assertThat(limiter.tryAcquire(key, null).allowed()).isTrue();

        RateDecision refused = limiter.tryAcquire(key, null);
        assertThat(refused.retryAfterSeconds()).isEqualTo(10);
        clock.addAndGet(9 * SECOND + 1);
        assertThat(limiter.tryAcquire(key, null).retryAfterSeconds())
                .as("0.999… s left rounds up")
                .isEqualTo(1);
        clock.addAndGet(SECOND - 1);
        assertThat(limiter.tryAcquire(key, null).allowed())
                .as("waiting Retry-After is enough")
                .isTrue();
    }

    @Test
    void eachKeyHasItsOwnBucket() {
        KeyRateLimiter limiter = limiter(RateLimits.parse(1, 2, List.of()));
        UUID other = UUID.randomUUID();
        assertThat(drain(limiter, key)).isEqualTo(2);
        assertThat(drain(limiter, other)).isEqualTo(2);
    }

    @Test
    void overridesApplyByKeyPrefix() {
        RateLimits limits = RateLimits.parse(
                1, 2, List.of("atc_test_bulkbulkbulk=100:300", "atc_test_slowslowslow=0.5", "atc_test_freefreefree=0"));
        KeyRateLimiter limiter = limiter(limits);

        assertThat(drain(limiter, UUID.randomUUID(), "atc_test_bulkbulkbulk")).isEqualTo(300);
        assertThat(drain(limiter, UUID.randomUUID(), "atc_test_slowslowslow"))
                .as("two seconds' worth, at least 1")
                .isEqualTo(1);
        assertThat(drain(limiter, UUID.randomUUID(), "atc_test_otherotherot")).isEqualTo(2);
        UUID free = UUID.randomUUID();
        for (int i = 0; i < 10_000; i++) {
            assertThat(limiter.tryAcquire(free, "atc_test_freefreefree").allowed())
                    .isTrue();
        }
        assertThat(limits.forPrefix("atc_test_bulkbulkbulk")).isEqualTo(new RateLimit(100, 300));
        assertThat(limits.forPrefix("atc_test_slowslowslow")).isEqualTo(new RateLimit(0.5, 1));
    }

    @Test
    void aZeroDefaultRateMeansUnlimited() {
        KeyRateLimiter limiter = limiter(RateLimits.parse(0, 1, List.of()));
        for (int i = 0; i < 10_000; i++) {
            assertThat(limiter.tryAcquire(key, null).allowed()).isTrue();
        }
        assertThat(limiter.bucketCount()).isZero();
    }

    @Test
    void idleBucketsAreEvictedWithoutChangingAnyAnswer() {
        KeyRateLimiter limiter = new KeyRateLimiter(RateLimits.parse(1, 3, List.of()), clock::get, 10 * SECOND);
        for (int i = 0; i < 1000; i++) {
            limiter.tryAcquire(UUID.randomUUID(), null);
        }
        drain(limiter, key);
        assertThat(limiter.bucketCount()).isEqualTo(1001);

        clock.addAndGet(11 * SECOND);
        assertThat(limiter.tryAcquire(key, null).allowed()).isTrue();
        assertThat(limiter.bucketCount()).as("only the key just used remains").isEqualTo(1);
        assertThat(drain(limiter, key))
                .as("the fresh bucket was full minus the request just taken")
                .isEqualTo(2);
    }

    @Test
    void configurationIsCheckedAtStart() {
        assertThat(new KeyRateLimiter(ConfigMappings.defaults(GatewayConfig.class))
                        .tryAcquire(key, null)
                        .allowed())
                .isTrue();
        for (String bad : List.of(
                "atc_test_x",
                "=5",
                "atc_test_x=-1",
                "atc_test_x=fast",
                "atc_test_x=5:0",
                "atc_test_x=5:1:2",
                "atc_test_x=0.0001",
                "atc_test_x=2000000")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> RateLimits.parse(1, 1, List.of(bad)))
                    .as(bad)
                    .hasMessageContaining("atc.gateway.rate-limit.overrides");
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RateLimits.parse(1, 1, List.of("a=1", "a=2")))
                .hasMessageContaining("twice");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RateLimits.parse(-1, 1, List.of()))
                .hasMessageContaining("atc.gateway.rate-limit");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RateLimits.parse(5, 0, List.of()))
                .hasMessageContaining("burst");
        assertThat(new RateLimits(new RateLimit(1, 1), Map.of()).forPrefix(null))
                .isEqualTo(new RateLimit(1, 1));
    }

    private KeyRateLimiter limiter(RateLimits limits) {
        return new KeyRateLimiter(limits, clock::get);
    }

    private static int drain(KeyRateLimiter limiter, UUID keyId) {
        return drain(limiter, keyId, null);
    }

    private static int drain(KeyRateLimiter limiter, UUID keyId, String prefix) {
        int admitted = 0;
        while (limiter.tryAcquire(keyId, prefix).allowed()) {
            admitted++;
        }
        return admitted;
    }
}
