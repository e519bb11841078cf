package io.atc.gateway.ratelimit;

/**
 * A token bucket's shape: {@code requestsPerSecond} refill (0 = unlimited) and {@code burst}
 * requests allowed back to back when the bucket is full.
 */
public record RateLimit(double requestsPerSecond, int burst) {

    static final double MAX_RATE = 1_000_000;
    static final double MIN_RATE = 0.001;
    static final int MAX_BURST = 1_000_000;

    public RateLimit {
        if (!(requestsPerSecond == 0 || (requestsPerSecond >= MIN_RATE && requestsPerSecond <= MAX_RATE))) {
            throw new IllegalArgumentException("requests per second must be 0 (unlimited) or between " + MIN_RATE
                    + " and " + (long) MAX_RATE + ", not " + requestsPerSecond);
        }
        if (burst < 1 || burst > MAX_BURST) {
            throw new IllegalArgumentException("burst must be between 1 and " + MAX_BURST + ", not " + burst);
        }
    }

    public static RateLimit unlimited() {
        return new RateLimit(0, 1);
    }

    public boolean isUnlimited() {
        return requestsPerSecond == 0;
    }

    /** Nanoseconds per request at the steady rate (one token). */
    long intervalNanos() {
        return Math.max(1, Math.round(1e9 / requestsPerSecond));
    }

    /** How far ahead of now the bucket may be booked: {@code burst} intervals. */
    long windowNanos() {
        return intervalNanos() * burst;
    }
}
