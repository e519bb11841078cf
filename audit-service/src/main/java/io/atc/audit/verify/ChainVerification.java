package io.atc.audit.verify;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.atc.audit.checkpoints.ChainSegmentCheck;
import io.atc.audit.checkpoints.Checkpoint;
import io.atc.audit.checkpoints.CheckpointStore;
import io.atc.audit.checkpoints.CheckpointTamperedException;
import io.atc.core.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Verifies a tenant's chain: by default from its newest signed checkpoint on (what that checkpoint
 * vouches for is not re-hashed), or in full from genesis; either way against its head and that
 * checkpoint. A caller's verifications go through {@link VerificationFlights} (one at a time per
 * tenant and mode, full ones limited). Also checks, for the checkpointer, that a chain verifies up
 * to a head before it is signed.
 */
@ApplicationScoped
public class ChainVerification implements ChainSegmentCheck {

    private final TenantTransactions transactions;
    private final CheckpointStore checkpoints;
    private final VerificationFlights flights;

    public ChainVerification(
            TenantTransactions transactions, CheckpointStore checkpoints, VerificationFlights flights) {
        this.transactions = transactions;
        this.checkpoints = checkpoints;
        this.flights = flights;
    }

    public Uni<VerificationReport> verify(UUID tenant, VerificationMode mode) {
        return flights.run(tenant, mode, () -> verifyNow(tenant, mode));
    }

    private Uni<VerificationReport> verifyNow(UUID tenant, VerificationMode mode) {
        return checkpoints
                .newest(tenant)
                .flatMap(newest -> {
                    Checkpoint checkpoint = newest.orElse(null);
                    ChainHead signed = checkpoint == null ? null : ChainHead.of(checkpoint);
                    boolean fromCheckpoint = mode == VerificationMode.INCREMENTAL && checkpoint != null;
                    ChainVerifier verifier = fromCheckpoint
                            ? ChainVerifier.fromAnchor(tenant, signed, signed)
                            : new ChainVerifier(tenant, signed);
                    VerificationReport.From from = fromCheckpoint
                            ? VerificationReport.From.checkpoint(checkpoint)
                            : VerificationReport.From.genesis(
                                    mode == VerificationMode.FULL
                                            ? "mode=full: every event re-hashed from genesis"
                                            : "no signed checkpoint yet: verified from genesis");
                    return verifyWith(tenant, verifier)
                            .map(result ->
                                    VerificationReport.of(result, mode, from, verifier, detail(result, checkpoint)));
                })
                .onFailure(CheckpointTamperedException.class)
                .recoverWithItem(VerificationReport.of(
                        VerificationResult.failed(-1, 0, "checkpoint-invalid", null),
                        mode,
                        null,
                        null,
                        "the newest checkpoint held for this tenant does not carry a valid signature"));
    }

    @Override
    public Uni<String> problemUpTo(UUID tenant, Checkpoint previous, long seq, byte[] headHash) {
        ChainHead proposed = new ChainHead(seq, headHash);
        ChainVerifier verifier = previous == null
                ? new ChainVerifier(tenant, proposed)
                : ChainVerifier.fromAnchor(tenant, ChainHead.of(previous), proposed);
        return verifyWith(tenant, verifier)
                .map(result -> result.ok() ? null : result.reason() + " at seq " + result.firstBadSeq());
    }

    private Uni<VerificationResult> verifyWith(UUID tenant, ChainVerifier verifier) {
        return transactions.read(tenant, sql -> StoredChain.events(sql, verifier.firstSeq(), Long.MAX_VALUE)
                // Hashing a long chain is CPU work: keep it off the event loop.
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .onItem()
                .invoke(verifier::accept)
                .onItem()
                .ignoreAsUni()
                .flatMap(done -> StoredChain.head(sql))
                .map(verifier::finish)
                // A chain that streamed cleanly cannot hold a fork; the query only names a failure.
                .flatMap(result -> result.ok()
                        ? Uni.createFrom().item(result)
                        : StoredChain.firstFork(sql).map(fork -> ChainVerifier.earliest(result, fork))));
    }

    private static String detail(VerificationResult result, Checkpoint checkpoint) {
        if (result.ok()
                || checkpoint == null
                || !"rewound".equals(result.reason())
                || result.verifiedThroughSeq() >= checkpoint.seq()) {
            return null;
        }
        return "the chain no longer matches signed checkpoint " + checkpoint.seq() + " (signed at "
                + checkpoint.signedAt() + ")";
    }
}
