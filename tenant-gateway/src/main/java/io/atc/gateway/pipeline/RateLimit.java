package io.atc.gateway.pipeline;

import java.util.UUID;

/** What the pipeline needs from rate limiting (bound to {@code ratelimit.KeyRateLimiter}). */
public interface RateLimit {

    /** Takes one request from the key's budget, without blocking. */
    Decision tryAcquire(UUID keyId, String prefix);

    /** Allowed, or refused with the seconds after which a retry may succeed. */
    record Decision(boolean allowed, long retryAfterSeconds) {

        public static final Decision ALLOWED = new Decision(true, 0);

        public static Decision refused(long retryAfterSeconds) {
            return new Decision(false, Math.max(1, retryAfterSeconds));
        }
    }
}
