package io.atc.retention.deletion;

import java.time.Instant;
import java.util.UUID;

/**
 * A purge of a site or an erasure, as its retention.runs row records it: what it was asked to delete
 * (site, device, cutoffs; no cutoff for an erasure) and the digest of what its committed batches
 * deleted so far.
 */
public record Run(
        UUID tenantId,
        UUID runId,
        RunKind kind,
        UUID siteId,
        UUID deviceId,
        Instant startedAt,
        Instant eventsCutoff,
        Instant imagesCutoff,
        byte[] idsDigest) {

    /** The advisory lock a purge of the site holds: one replica at a time purges a site. */
    public static String siteLock(UUID tenantId, UUID siteId) {
        return "retention.purge:" + tenantId + "/" + siteId;
    }

    /** The advisory lock an erasure holds while it runs, so recovery never takes it for a crashed one. */
    public static String runLock(UUID tenantId, UUID runId) {
        return "retention.run:" + tenantId + "/" + runId;
    }

    public String lockName() {
        return kind == RunKind.PURGE ? siteLock(tenantId, siteId) : runLock(tenantId, runId);
    }

    public Run withDigest(byte[] digest) {
        return new Run(tenantId, runId, kind, siteId, deviceId, startedAt, eventsCutoff, imagesCutoff, digest);
    }
}
