package io.atc.gateway.ratelimit;

import java.net.InetAddress;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.atc.core.net.ClientNetwork;
import io.atc.gateway.config.GatewayConfig;

/**
 * Rate limits for the requests that carry no key (console sign-in and sessions, operator
 * onboarding), per client address and per replica: a sign-in costs the keys-service an argon2id
 * verification, so without a limit one client could keep its hashing threads busy. Counted per
 * {@link ClientNetwork} (IPv6: per /64).
 */
@Singleton
public class KeylessRateLimiter {

    private final KeyRateLimiter buckets;

    @Inject
    public KeylessRateLimiter(GatewayConfig config) {
        this(new KeyRateLimiter(
                RateLimits.parse(
                        config.rateLimit().keyless().requestsPerSecond(),
                        config.rateLimit().keyless().burst(),
                        List.of()),
                System::nanoTime));
    }

    KeylessRateLimiter(KeyRateLimiter buckets) {
        this.buckets = buckets;
    }

    public RateDecision tryAcquire(InetAddress client) {
        return buckets.tryAcquire(bucketOf(client), null);
    }

    static UUID bucketOf(InetAddress client) {
        return ClientNetwork.of(client);
    }
}
