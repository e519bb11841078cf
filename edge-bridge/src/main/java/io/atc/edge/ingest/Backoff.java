package io.atc.edge.ingest;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Capped exponential backoff with jitter, so replicas that lost the same server do not return in step. */
final class Backoff {

    private static final long FIRST_RETRY_MILLIS = 100;

    private final long maxMillis;

    Backoff(Duration max) {
        this.maxMillis = Math.max(FIRST_RETRY_MILLIS, max.toMillis());
    }

    /** 0 failures: about the minimum; each failure doubles it up to the maximum. */
    long delayMillis(int failedAttempts) {
        long exponential = FIRST_RETRY_MILLIS << Math.min(failedAttempts, 20);
        long capped = Math.min(maxMillis, exponential);
        return capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    }
}
