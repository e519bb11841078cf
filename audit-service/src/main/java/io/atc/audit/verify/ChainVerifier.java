package io.atc.audit.verify;

import java.util.Arrays;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.atc.core.audit.AuditErasure;
import io.atc.core.audit.AuditPayloads;
import io.atc.core.audit.AuditRecordHash;

/**
 * Verifies one tenant's chain from its stored fields alone, in seq order, in constant memory:
 * consecutive seqs from 0, each event linked to the previous hash, each hash recomputed with the
 * independent Java encoding, each payload commitment recomputed (or a clean tombstone), every
 * tombstone covered by a later erasure event, then the head and the newest signed checkpoint.
 * Feed it with {@link #accept} and close with {@link #finish}.
 *
 * <p>{@link #fromAnchor} verifies only the events after a signed checkpoint: the event at the
 * anchor's seq must still carry the signed hash (else the chain was rewound or rewritten up to
 * there), and each later event is checked as above, linked from that hash. Events before the
 * anchor are not read: their tampering is for a full verification to find.
 */
public final class ChainVerifier {

    public static final String ERASURE_ACTION = AuditErasure.ACTION;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final UUID tenant;
    private final ChainHead anchor;
    private final ChainHead checkpoint;
    private final TreeSet<Long> unexplainedTombstones = new TreeSet<>();
    private long expectedSeq;
    private byte[] previousHash = AuditRecordHash.GENESIS_PREV;
    private long verifiedThrough = -1;
    private long eventsRead;
    private long eventsHashed;
    private VerificationResult failure;

    /** From genesis. @param checkpoint the newest signed checkpoint held for this tenant, or null */
    public ChainVerifier(UUID tenant, ChainHead checkpoint) {
        this(tenant, null, checkpoint);
    }

    private ChainVerifier(UUID tenant, ChainHead anchor, ChainHead checkpoint) {
        this.tenant = tenant;
        this.anchor = anchor;
        this.checkpoint = checkpoint;
        this.expectedSeq = anchor == null ? 0 : anchor.seq();
    }

    /**
     * Verifies from {@code anchor} (a signed checkpoint's head) on: feed it the events from the
     * anchor's seq. {@code checkpoint} is the signed head the chain must pass through (the anchor
     * itself, or a newer head about to be signed).
     */
    public static ChainVerifier fromAnchor(UUID tenant, ChainHead anchor, ChainHead checkpoint) {
        return new ChainVerifier(tenant, anchor, checkpoint);
    }

    /** The seq the first event fed must carry: 0, or the anchor's seq. */
    public long firstSeq() {
        return anchor == null ? 0 : anchor.seq();
    }

    /** Events fed so far (the anchor included). */
    public long eventsRead() {
        return eventsRead;
    }

    /** Events whose hash was recomputed (the anchor is compared with its signed hash instead). */
    public long eventsHashed() {
        return eventsHashed;
    }

    public void accept(ChainRecord record) {
        if (failure != null) {
            return;
        }
        eventsRead++;
        if (anchor != null && verifiedThrough < 0) {
            acceptAnchor(record);
        } else if (record.seq() != expectedSeq) {
            fail(record.seq() < expectedSeq ? record.seq() : expectedSeq, record.seq() < expectedSeq ? "fork" : "gap");
        } else if (!Arrays.equals(record.prevHash(), previousHash)) {
            fail(record.seq(), "broken-link");
        } else if (record.version() != AuditRecordHash.VERSION) {
            fail(record.seq(), "unknown-version");
        } else if (!Arrays.equals(recomputedHash(record), record.hash())) {
            fail(record.seq(), "hash-mismatch");
        } else if (!payloadHolds(record)) {
            fail(record.seq(), record.tombstoned() ? "tombstone-mismatch" : "payload-mismatch");
        } else if (checkpoint != null
                && checkpoint.seq() == record.seq()
                && !Arrays.equals(checkpoint.hash(), record.hash())) {
            fail(record.seq(), "rewound");
        } else {
            track(record);
            previousHash = record.hash();
            verifiedThrough = record.seq();
            expectedSeq++;
        }
    }

    /**
     * The event at the anchor's seq must be there with the signed hash. Its fields are not re-hashed:
     * that hash commits to it and to every earlier event, and the anchor's checkpoint was signed only
     * after they verified (checkpoints.Checkpointer).
     */
    private void acceptAnchor(ChainRecord record) {
        if (record.seq() != anchor.seq() || !Arrays.equals(record.hash(), anchor.hash())) {
            fail(anchor.seq(), "rewound");
            return;
        }
        previousHash = record.hash();
        verifiedThrough = record.seq();
        expectedSeq = record.seq() + 1;
    }

    /** @param head the stored chain head, or null when the tenant has none */
    public VerificationResult finish(ChainHead head) {
        if (failure != null) {
            return failure;
        }
        Long checkpointSeq = checkpoint == null ? null : checkpoint.seq();
        if (anchor != null && verifiedThrough < 0) {
            // Not even the anchor's event is left: the chain is shorter than the signed checkpoint.
            return VerificationResult.failed(-1, anchor.seq(), "rewound", checkpointSeq);
        }
        if (verifiedThrough < 0) {
            return VerificationResult.failed(-1, 0, "empty-chain", checkpointSeq);
        }
        if (checkpoint != null && checkpoint.seq() > verifiedThrough) {
            return VerificationResult.failed(verifiedThrough, verifiedThrough + 1, "rewound", checkpointSeq);
        }
        if (head == null) {
            return VerificationResult.failed(verifiedThrough, verifiedThrough + 1, "no-head", checkpointSeq);
        }
        if (head.seq() < verifiedThrough) {
            return VerificationResult.failed(head.seq(), head.seq() + 1, "rewound", checkpointSeq);
        }
        if (head.seq() > verifiedThrough) {
            return VerificationResult.failed(verifiedThrough, verifiedThrough + 1, "truncated", checkpointSeq);
        }
        if (!Arrays.equals(head.hash(), previousHash)) {
            return VerificationResult.failed(verifiedThrough - 1, verifiedThrough, "head-mismatch", checkpointSeq);
        }
        if (!unexplainedTombstones.isEmpty()) {
            long first = unexplainedTombstones.first();
            return VerificationResult.failed(first - 1, first, "unauthorised-tombstone", checkpointSeq);
        }
        return VerificationResult.passed(verifiedThrough, checkpointSeq);
    }

    /** An earlier failure found outside the row stream (a fork the database reports) takes precedence if earlier. */
    public static VerificationResult earliest(VerificationResult streamed, Long forkSeq) {
        if (forkSeq == null || (!streamed.ok() && streamed.firstBadSeq() <= forkSeq)) {
            return streamed;
        }
        return VerificationResult.failed(
                Math.min(streamed.verifiedThroughSeq(), forkSeq - 1), forkSeq, "fork", streamed.checkpointSeq());
    }

    private byte[] recomputedHash(ChainRecord record) {
        eventsHashed++;
        return AuditRecordHash.v1(
                tenant,
                record.seq(),
                record.prevHash(),
                record.occurredAt(),
                record.actor(),
                record.action(),
                record.target(),
                record.payloadHash());
    }

    private static boolean payloadHolds(ChainRecord record) {
        if (record.tombstoned()) {
            return record.payloadJson() == null && record.payloadSalt() == null;
        }
        if (record.payloadJson() == null || record.payloadSalt() == null) {
            return false;
        }
        byte[] canonical = AuditPayloads.canonicalJson(record.payloadJson());
        return Arrays.equals(AuditPayloads.payloadHash(record.payloadSalt(), canonical), record.payloadHash());
    }

    private void track(ChainRecord record) {
        if (record.tombstoned()) {
            unexplainedTombstones.add(record.seq());
        }
        if (ERASURE_ACTION.equals(record.action()) && record.payloadJson() != null) {
            try {
                JsonNode erased = JSON.readTree(record.payloadJson()).path("erasedSeqs");
                erased.forEach(seq -> unexplainedTombstones.remove(seq.asLong()));
            } catch (java.io.IOException e) {
                fail(record.seq(), "payload-mismatch");
            }
        }
    }

    private void fail(long seq, String reason) {
        failure = VerificationResult.failed(verifiedThrough, seq, reason, checkpoint == null ? null : checkpoint.seq());
    }
}
