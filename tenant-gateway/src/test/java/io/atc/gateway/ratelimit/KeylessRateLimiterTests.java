package io.atc.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * Keyless requests are limited per client: per IPv4 address, per IPv6 /64 (rotating addresses
 * inside one's own /64 does not help), and all clients without an address share one bucket.
 * Session checks have a budget of their own: one client spending either leaves the other whole.
 * Breaks when: buckets are per IPv6 address, different networks share a bucket, or sign-ins and
 * session checks share one.
 */
class KeylessRateLimiterTests {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final KeylessRateLimiter limiter = new KeylessRateLimiter(
            new KeyRateLimiter(RateLimits.parse(1, 2, List.of()), nanos::get),
            new KeyRateLimiter(RateLimits.parse(1, 4, List.of()), nanos::get));

    @Test
    void addressesInOneIpv6Slash64ShareABucket() throws Exception {
        assertThat(limiter.tryAcquire(InetAddress.getByName("2001:db8:1:2::1")).allowed())
                .isTrue();
        assertThat(limiter.tryAcquire(InetAddress.getByName("2001:db8:1:2:ffff::9"))
                        .allowed())
                .isTrue();
        RateDecision third = limiter.tryAcquire(InetAddress.getByName("2001:db8:1:2:abcd::7"));

        assertThat(third.allowed()).isFalse();
        assertThat(third.retryAfterSeconds()).isPositive();
        assertThat(limiter.tryAcquire(InetAddress.getByName("2001:db8:1:3::1")).allowed())
                .as("another /64")
                .isTrue();
    }

    @Test
    void ipv4AddressesHaveABucketEach() throws Exception {
        assertThat(KeylessRateLimiter.bucketOf(InetAddress.getByName("192.0.2.1")))
                .isNotEqualTo(KeylessRateLimiter.bucketOf(InetAddress.getByName("192.0.2.2")))
                .isNotEqualTo(KeylessRateLimiter.bucketOf(InetAddress.getByName("::c000:201")))
                .isNotEqualTo(KeylessRateLimiter.bucketOf(null));
    }

    @Test
    void theBucketRefillsWithTime() throws Exception {
        InetAddress client = InetAddress.getByName("198.51.100.7");
        limiter.tryAcquire(client);
        limiter.tryAcquire(client);
        assertThat(limiter.tryAcquire(client).allowed()).isFalse();

        nanos.addAndGet(1_000_000_000L);

        assertThat(limiter.tryAcquire(client).allowed()).isTrue();
    }

    @Test
    void signInsAndSessionChecksSpendSeparateBudgets() throws Exception {
        InetAddress client = InetAddress.getByName("203.0.113.9");
        limiter.tryAcquire(client);
        limiter.tryAcquire(client);
        assertThat(limiter.tryAcquire(client).allowed()).as("sign-ins spent").isFalse();
        for (int check = 0; check < 4; check++) {
            assertThat(limiter.tryAcquireSessionCheck(client).allowed())
                    .as("session check %d", check)
                    .isTrue();
        }
        assertThat(limiter.tryAcquireSessionCheck(client).allowed())
                .as("past its own burst")
                .isFalse();

        InetAddress other = InetAddress.getByName("203.0.113.10");
        for (int check = 0; check < 4; check++) {
            limiter.tryAcquireSessionCheck(other);
        }
        assertThat(limiter.tryAcquire(other).allowed())
                .as("page views do not spend the sign-in budget")
                .isTrue();
    }
}
