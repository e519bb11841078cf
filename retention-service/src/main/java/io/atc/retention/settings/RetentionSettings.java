package io.atc.retention.settings;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The retention of a site, or its tenant's default: for events and images, the effective value and its source. */
public record RetentionSettings(
        KindRetention events,
        KindRetention images,

        @Schema(description = "when this level's values were last set; null if never", nullable = true)
        OffsetDateTime updatedAt,

        @Schema(description = "who last set this level's values; null if never", nullable = true)
        String updatedBy) {}
