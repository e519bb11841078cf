package io.atc.retention.runs;

import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.vertx.mutiny.sqlclient.Row;

/** One purge of a site, or one erasure: what it was asked to do and what it deleted so far. */
public record Run(
        UUID runId,
        @Schema(enumeration = {"purge", "erasure"}) String kind,
        UUID siteId,

        @Schema(description = "the erased device; null for a purge or a site's erasure", nullable = true)
        UUID deviceId,

        @Schema(enumeration = {"running", "finished", "interrupted"})
        String status,

        OffsetDateTime startedAt,
        @Schema(nullable = true) OffsetDateTime finishedAt,
        long eventsDeleted,
        long eventBytes,
        long imagesDeleted,
        long imageBytes,

        @Schema(
                description = "SHA-256 chain over the ids deleted so far, hex; its audit event commits to it",
                pattern = "^[0-9a-f]{64}$")
        String idsDigest,

        @Schema(description = "a purge deleted events received before this", nullable = true)
        OffsetDateTime eventsCutoff,

        @Schema(description = "a purge deleted images received before this", nullable = true)
        OffsetDateTime imagesCutoff,

        @Schema(description = "the sequence number of the run's audit event, once it finished", nullable = true)
        Long auditSeq,

        @Schema(description = "why an erasure was asked for", nullable = true)
        String reason,

        @Schema(
                description = "`platform:retention-purge` for a purge; who asked for an erasure:"
                        + " `key:<keyId>` or `user:<userId>`",
                examples = "platform:retention-purge")
        String requestedBy) {

    static Run from(Row row) {
        return new Run(
                row.getUUID("run_id"),
                row.getString("kind"),
                row.getUUID("site_id"),
                row.getUUID("device_id"),
                row.getString("status"),
                row.getOffsetDateTime("started_at"),
                row.getOffsetDateTime("finished_at"),
                row.getLong("events_deleted"),
                row.getLong("event_bytes"),
                row.getLong("images_deleted"),
                row.getLong("image_bytes"),
                HexFormat.of().formatHex(row.getBuffer("ids_digest").getBytes()),
                row.getOffsetDateTime("events_cutoff"),
                row.getOffsetDateTime("images_cutoff"),
                row.getLong("audit_seq"),
                row.getString("reason"),
                row.getString("requested_by"));
    }
}
