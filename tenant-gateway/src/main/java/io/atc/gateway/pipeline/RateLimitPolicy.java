package io.atc.gateway.pipeline;

import java.util.UUID;

import io.atc.gateway.ratelimit.RateDecision;

/** What the pipeline needs from per-key rate limiting (bound to {@code ratelimit.KeyRateLimiter} by {@link KeyRateLimitPolicy}). */
public interface RateLimitPolicy {

    /** Takes one request from the key's budget, without blocking. */
    RateDecision tryAcquire(UUID keyId, String prefix);
}
