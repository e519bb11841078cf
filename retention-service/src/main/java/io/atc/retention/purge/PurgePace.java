package io.atc.retention.purge;

import java.time.Duration;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.atc.retention.config.RetentionConfig;
import io.atc.retention.deletion.BatchPace;

/**
 * Holds this replica's purge to ATC_RETENTION_PURGE_MAX_ROWS_PER_SECOND, as a schedule: each batch of n
 * rows moves the time the next may start by n / budget, and the purge waits until then. A slow batch
 * (a busy database, the gaps between sites) is made up by shorter waits after the next ones, but only up
 * to {@link #CATCH_UP} of lag, so an idle hour never turns into a burst. Throughput alone is not the
 * purge's goal: unpaced it takes a database core and the WAL bandwidth from the ingest beside it
 * (docs/benchmarks.md, "Retention purge").
 */
@ApplicationScoped
public class PurgePace implements BatchPace {

    /** How far behind its schedule the purge may be and still catch up; further behind, it starts afresh. */
    static final Duration CATCH_UP = Duration.ofMillis(500);

    private final double nanosPerRow;
    private final LongSupplier clock;
    private long nextStart = Long.MIN_VALUE;
    private long rowsPaced;

    @Inject
    public PurgePace(RetentionConfig config) {
        this(config.purge().maxRowsPerSecond(), System::nanoTime);
    }

    PurgePace(int rowsPerSecond, LongSupplier clock) {
        this.nanosPerRow = 1e9 / rowsPerSecond;
        this.clock = clock;
    }

    /** Rows this pace has been told of: what a test reads to see who is held to it. */
    synchronized long rowsPaced() {
        return rowsPaced;
    }

    @Override
    public synchronized Duration pauseAfter(int rows) {
        if (rows == 0) {
            return Duration.ZERO;
        }
        rowsPaced += rows;
        long now = clock.getAsLong();
        if (nextStart == Long.MIN_VALUE || now - nextStart > CATCH_UP.toNanos()) {
            nextStart = now;
        }
        nextStart += Math.round(rows * nanosPerRow);
        return nextStart > now ? Duration.ofNanos(nextStart - now) : Duration.ZERO;
    }
}
