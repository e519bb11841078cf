package io.atc.retention.holds;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.vertx.mutiny.sqlclient.Row;

/** A legal hold: while active, nothing deletes the rows of its site or device. */
public record Hold(
        UUID holdId,
        @Schema(nullable = true) UUID siteId,
        @Schema(nullable = true) UUID deviceId,
        String reason,
        String setBy,
        OffsetDateTime setAt,
        @Schema(nullable = true) OffsetDateTime endsAt,
        @Schema(nullable = true) OffsetDateTime releasedAt,
        @Schema(nullable = true) String releasedBy,

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
