package io.atc.retention.preview;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.atc.core.retention.EffectiveRetention;

/** What the next purge would delete of one kind of row (events or images) of a site. */
public record ExpiringRows(
        @Schema(description = "the effective retention in days")
        int days,

        @Schema(
                description = "where it is set",
                enumeration = {"site", "tenant", "platform"})
        String source,

        @Schema(description = "rows received before this instant expire")
        OffsetDateTime cutoff,

        long count,

        @Schema(description = "stored bytes of those rows (events: payload bytes; images: blob sizes)")
        long bytes,

        @Schema(description = "the earliest received_at among them; null when none", nullable = true)
        OffsetDateTime oldestReceivedAt,

        @Schema(description = "the latest received_at among them; null when none", nullable = true)
        OffsetDateTime newestReceivedAt) {

    static ExpiringRows none(EffectiveRetention retention, OffsetDateTime cutoff) {
        return new ExpiringRows(retention.days(), retention.source().wireName(), cutoff, 0, 0, null, null);
    }
}
