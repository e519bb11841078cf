package io.atc.edge.ingest;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Capped exponential backoff with jitter, so replicas that lost the same server do not return in step. */
final class Backoff {

    private final long minMillis;
    private final long maxMillis;

    Backoff(Duration min, Duration max) {
        this.minMillis = Math.max(1, min.toMillis());
        this.maxMillis = Math.max(minMillis, max.toMillis());
    }

    /** 0 failures: about the minimum; each failure doubles it up to the maximum. */
    long delayMillis(int failedAttempts) {
        long exponential = minMillis << Math.min(failedAttempts, 20);
        long capped = Math.min(maxMillis, exponential);
        return capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    }
}
