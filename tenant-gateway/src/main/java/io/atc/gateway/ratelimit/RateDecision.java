package io.atc.gateway.ratelimit;

/**
 * The answer for one request: allowed, or denied with the whole seconds to wait (rounded up, at
 * least 1) for the {@code Retry-After} header of the 429.
 */
public record RateDecision(boolean allowed, long retryAfterSeconds) {

    public static final RateDecision ALLOWED = new RateDecision(true, 0);

    public static RateDecision refused(long retryAfterSeconds) {
        return new RateDecision(false, Math.max(1, retryAfterSeconds));
    }

    static RateDecision deniedFor(long waitNanos) {
        return new RateDecision(false, Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L));
    }
}
