package io.atc.audit.verify;

import java.util.Arrays;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.atc.core.audit.AuditPayloads;
import io.atc.core.audit.AuditRecordHash;

/**
 * Verifies one tenant's chain from its stored fields alone, in seq order, in constant memory:
 * consecutive seqs from 0, each event linked to the previous hash, each hash recomputed with the
 * independent Java encoding, each payload commitment recomputed (or a clean tombstone), every
 * tombstone covered by a later erasure event, then the head and the newest signed checkpoint.
 * Feed it with {@link #accept} and close with {@link #finish}.
 */
public final class ChainVerifier {

    public static final String ERASURE_ACTION = "audit.erasure";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final UUID tenant;
    private final ChainHead checkpoint;
    private final TreeSet<Long> unexplainedTombstones = new TreeSet<>();
    private long expectedSeq;
    private byte[] previousHash = AuditRecordHash.GENESIS_PREV;
    private long verifiedThrough = -1;
    private VerificationResult failure;

    /** @param checkpoint the newest signed checkpoint held for this tenant, or null */
    public ChainVerifier(UUID tenant, ChainHead checkpoint) {
        this.tenant = tenant;
        this.checkpoint = checkpoint;
    }

    public void accept(ChainRecord record) {
        if (failure != null) {
            return;
        }
        if (record.seq() != expectedSeq) {
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

    /** @param head the stored chain head, or null when the tenant has none */
    public VerificationResult finish(ChainHead head) {
        if (failure != null) {
            return failure;
        }
        Long checkpointSeq = checkpoint == null ? null : checkpoint.seq();
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
