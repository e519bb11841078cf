package io.atc.audit.verify;

import java.time.Instant;

/** One stored audit event, exactly as read back from audit.events (or from an export line). */
public record ChainRecord(
        long seq,
        int version,
        byte[] prevHash,
        byte[] hash,
        Instant occurredAt,
        String actor,
        String action,
        String target,
        String payloadJson,
        byte[] payloadSalt,
        byte[] payloadHash,
        Instant tombstonedAt) {

    public boolean tombstoned() {
        return tombstonedAt != null;
    }
}
