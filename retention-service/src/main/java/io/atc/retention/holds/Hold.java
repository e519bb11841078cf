package io.atc.retention.holds;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.vertx.mutiny.sqlclient.Row;

/** A legal hold: while active, nothing deletes the rows of its site or device. */
public record Hold(
        UUID holdId,

        @Schema(description = "the held site; null for a device's hold", nullable = true)
        UUID siteId,

        @Schema(description = "the held device; null for a site's hold", nullable = true)
        UUID deviceId,

        String reason,

        @Schema(
                description = "who set it: `key:<keyId>` or `user:<userId>`",
                examples = "key:3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b0c9")
        String setBy,

        OffsetDateTime setAt,

        @Schema(description = "when it ends by itself; null holds until released", nullable = true)
        OffsetDateTime endsAt,

        @Schema(description = "when it was released; null while not released", nullable = true)
        OffsetDateTime releasedAt,

        @Schema(description = "who released it: `key:<keyId>` or `user:<userId>`", nullable = true)
        String releasedBy,

        @Schema(description = "not released, and its end (if any) not reached")
        boolean active) {

    static Hold from(Row row) {
        return new Hold(
                row.getUUID("hold_id"),
                row.getUUID("site_id"),
                row.getUUID("device_id"),
                row.getString("reason"),
                row.getString("set_by"),
                row.getOffsetDateTime("set_at"),
                row.getOffsetDateTime("ends_at"),
                row.getOffsetDateTime("released_at"),
                row.getString("released_by"),
                row.getBoolean("active"));
    }

    /** What the audit trail names as the held object: {@code site:<id>} or {@code device:<id>}. */
    String target() {
        return siteId != null ? "site:" + siteId : "device:" + deviceId;
    }
}
