package io.atc.retention.config;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The retention-service's own settings, {@code atc.retention.*} (docs/configuration.md, "Retention").
 * Bounds are checked when the configuration is read, so a value out of range stops the start.
 */
@ConfigMapping(prefix = "atc.retention")
public interface RetentionConfig {

    Purge purge();

    /** The scheduled purge (docs/retention.md, "Purge"). */
    interface Purge {

        /** Whether this replica runs the purge on its schedule; several may, they never purge one site at once. */
        @WithDefault("true")
        boolean enabled();

        /** Time between the end of one purge run and the start of the next. */
        @WithDefault("1h")
        @DurationMin(seconds = 1)
        @DurationMax(days = 7)
        Duration interval();

        /** Rows one deleting transaction removes at most: short transactions, short row locks. */
        @WithDefault("5000")
        @Min(1)
        @Max(50_000)
        int batchSize();

        /**
         * Rows per second this replica's purge deletes at most: a batch is followed by a pause for
         * whatever of batch / budget it did not take (docs/retention.md, "Pace").
         */
        @WithDefault("80000")
        @Min(10)
        @Max(10_000_000)
        int maxRowsPerSecond();

        /** How long a batch waits for a row lock (a site's storage counters during an ingest) before giving up. */
        @WithDefault("2s")
        @DurationMin(millis = 1)
        @DurationMax(minutes = 1)
        Duration lockTimeout();
    }
}
