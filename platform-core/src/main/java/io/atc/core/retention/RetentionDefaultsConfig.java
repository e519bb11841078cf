package io.atc.core.retention;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The platform default retention, {@code atc.retention.default.*}: what a site keeps when neither it
 * nor its tenant sets a value. Read by the retention-service (the purge) and the edge-bridge (what it
 * publishes to appliances), so both services of a deployment must be given the same values.
 */
@ConfigMapping(prefix = "atc.retention.default")
public interface RetentionDefaultsConfig {

    /** Days an event is kept after the platform received it. */
    @WithDefault("30")
    @Min(RetentionDays.MIN)
    @Max(RetentionDays.MAX)
    int eventsDays();

    /** Days an image is kept after the platform received it. */
    @WithDefault("30")
    @Min(RetentionDays.MIN)
    @Max(RetentionDays.MAX)
    int imagesDays();
}
