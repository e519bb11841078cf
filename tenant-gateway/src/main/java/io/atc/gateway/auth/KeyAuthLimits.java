package io.atc.gateway.auth;

import java.time.Duration;

/**
 * The bounds of key authentication: how many verified and rejected keys are remembered and for how
 * long, and how many cold verifications may run or wait at once. Read from {@code atc.gateway.keys.*}.
 */
public record KeyAuthLimits(int cacheMaxEntries, Duration cacheTtl, int negativeCacheMaxEntries, Duration negativeCacheTtl,
        int maxColdVerifications, int coldVerificationQueue) {

    public KeyAuthLimits {
        atLeast(1, cacheMaxEntries, "atc.gateway.keys.cache-max-entries");
        atLeast(1, negativeCacheMaxEntries, "atc.gateway.keys.negative-cache-max-entries");
        atLeast(1, maxColdVerifications, "atc.gateway.keys.max-cold-verifications");
        atLeast(0, coldVerificationQueue, "atc.gateway.keys.cold-verification-queue");
        positive(cacheTtl, "atc.gateway.keys.cache-ttl");
        positive(negativeCacheTtl, "atc.gateway.keys.negative-cache-ttl");
    }

    private static void atLeast(int minimum, int value, String name) {
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum + ", was " + value);
        }
    }

    private static void positive(Duration value, String name) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
