package io.atc.core.retry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Reconnection delays for every long-lived connection (LISTEN connections, the edge bridge's broker
 * connections): from about 100 ms, doubled per failed attempt up to a maximum, jittered so that
 * replicas which lost the same server do not come back in step.
 */
public final class Backoff {

    private static final long FIRST_RETRY_MILLIS = 100;

    private final long maxMillis;

    public Backoff(Duration max) {
        this.maxMillis = Math.max(FIRST_RETRY_MILLIS, max.toMillis());
    }

    /** 0 failures: about the minimum; each failure doubles it up to the maximum. */
    public long delayMillis(int failedAttempts) {
        long exponential = FIRST_RETRY_MILLIS << Math.min(failedAttempts, 20);
        long capped = Math.min(maxMillis, exponential);
        return capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    }
}
