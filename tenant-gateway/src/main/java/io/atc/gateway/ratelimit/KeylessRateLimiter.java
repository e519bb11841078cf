package io.atc.gateway.ratelimit;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.atc.gateway.config.GatewayConfig;

/**
 * Rate limits for the requests that carry no key (console sign-in and sessions, operator
 * onboarding), per client address and per replica: a sign-in costs the keys-service an argon2id
 * verification, so without a limit one client could keep its hashing threads busy. IPv6 clients
 * are limited per /64, the smallest block one subscriber usually gets, so rotating addresses
 * within it does not escape the limit.
 */
@Singleton
public class KeylessRateLimiter {

    private static final UUID UNKNOWN_ADDRESS = new UUID(0, 0);

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
        if (client == null) {
            return UNKNOWN_ADDRESS;
        }
        byte[] address = client.getAddress();
        ByteBuffer bytes = ByteBuffer.wrap(address);
        if (address.length == 16) {
            return new UUID(bytes.getLong(), 0); // the /64 network
        }
        return new UUID(0, 1L << 32 | (bytes.getInt() & 0xFFFFFFFFL));
    }
}
