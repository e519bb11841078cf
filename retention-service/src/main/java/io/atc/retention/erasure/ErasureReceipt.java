package io.atc.retention.erasure;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an erasure did: its run (erasureId), what it erased, how many rows and bytes, the digest of the
 * deleted ids, the audit events it tombstoned and the audit event that records it.
 */
public record ErasureReceipt(
        @Schema(description = "the erasure's run: GET /v1/retention/runs/{runId} with this id")
        UUID erasureId,

        @Schema(
                description = "what was erased: `site:<siteId>` or `device:<deviceId>`",
                examples = "device:f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b")
        String target,

        long eventsDeleted,

        @Schema(description = "payload bytes of the deleted events")
        long eventBytes,

        long imagesDeleted,

        @Schema(description = "stored bytes of the deleted images")
        long imageBytes,

        @Schema(
                description = "SHA-256 chain over the deleted ids, hex; the erasure's audit event commits to it",
                pattern = "^[0-9a-f]{64}$")
        String idsDigest,

        @Schema(description = "sequence numbers of the audit events whose payloads were tombstoned")
        List<Long> tombstonedSeqs,

        @Schema(description = "sequence number of the audit event that records the erasure")
        long auditSeq) {}
