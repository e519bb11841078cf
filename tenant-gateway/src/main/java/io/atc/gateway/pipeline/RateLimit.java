package io.atc.gateway.pipeline;

import java.util.UUID;

import io.atc.gateway.ratelimit.RateDecision;

/** What the pipeline needs from rate limiting (bound to {@code ratelimit.KeyRateLimiter}). */
public interface RateLimit {

    /** Takes one request from the key's budget, without blocking. */
    RateDecision tryAcquire(UUID keyId, String prefix);
}
