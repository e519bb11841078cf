package io.atc.retention.erasure;

import java.util.List;
import java.util.UUID;

/**
 * What an erasure did: its run (erasureId), what it erased, how many rows and bytes, the digest of the
 * deleted ids, the audit events it tombstoned and the audit event that records it.
 */
public record ErasureReceipt(
        UUID erasureId,
        String target,
        long eventsDeleted,
        long eventBytes,
        long imagesDeleted,
        long imageBytes,
        String idsDigest,
        List<Long> tombstonedSeqs,
        long auditSeq) {}
