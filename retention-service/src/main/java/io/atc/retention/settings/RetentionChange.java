package io.atc.retention.settings;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.atc.core.retention.RetentionDays;

/**
 * What a client PUTs for a site or as its tenant's default: both day counts, each 1..3650 or null to
 * inherit. A PUT replaces both, so a field left out inherits too.
 */
public record RetentionChange(
        @Schema(description = "days an event is kept after it was received; null inherits", nullable = true)
        @Min(value = RetentionDays.MIN, message = MESSAGE)
        @Max(value = RetentionDays.MAX, message = MESSAGE)
        Integer eventsDays,

        @Schema(description = "days an image is kept after it was received; null inherits", nullable = true)
        @Min(value = RetentionDays.MIN, message = MESSAGE)
        @Max(value = RetentionDays.MAX, message = MESSAGE)
        Integer imagesDays) {

    static final String MESSAGE = "must be between 1 and 3650 days, or null to inherit";

    OwnValues own() {
        return new OwnValues(eventsDays, imagesDays);
    }
}
