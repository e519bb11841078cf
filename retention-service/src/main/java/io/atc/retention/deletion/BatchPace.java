package io.atc.retention.deletion;

import java.time.Duration;

/**
 * How long a run waits after a deleting transaction before the next one: the purge is paced so the
 * ingest beside it keeps its latency, an erasure (an admin waiting for its receipt) is not.
 */
public interface BatchPace {

    BatchPace UNPACED = rows -> Duration.ZERO;

    /** The wait after a transaction that deleted {@code rows} rows. */
    Duration pauseAfter(int rows);
}
