package io.atc.gateway.pipeline;

import java.util.UUID;

import jakarta.inject.Singleton;

import io.atc.gateway.ratelimit.KeyRateLimiter;
import io.atc.gateway.ratelimit.RateDecision;

/** Each key's token bucket ({@link KeyRateLimiter}). */
@Singleton
public class KeyRateLimitPolicy implements RateLimitPolicy {

    private final KeyRateLimiter limiter;

    public KeyRateLimitPolicy(KeyRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public RateDecision tryAcquire(UUID keyId, String prefix) {
        return limiter.tryAcquire(keyId, prefix);
    }
}
