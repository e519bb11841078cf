package io.atc.audit.verify;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.atc.audit.checkpoints.CheckpointStore;
import io.atc.audit.checkpoints.CheckpointTamperedException;
import io.atc.core.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/** Verifies a tenant's whole chain against its head and the newest signed checkpoint held. */
@ApplicationScoped
public class ChainVerification {

    private final TenantTransactions transactions;
    private final CheckpointStore checkpoints;

    public ChainVerification(TenantTransactions transactions, CheckpointStore checkpoints) {
        this.transactions = transactions;
        this.checkpoints = checkpoints;
    }

    public Uni<VerificationResult> verify(UUID tenant) {
        return checkpoints
                .newest(tenant)
                .flatMap(checkpoint ->
                        verifyAgainst(tenant, checkpoint.map(ChainHead::of).orElse(null)))
                .onFailure(CheckpointTamperedException.class)
                .recoverWithItem(VerificationResult.failed(-1, 0, "checkpoint-invalid", null));
    }

    private Uni<VerificationResult> verifyAgainst(UUID tenant, ChainHead checkpoint) {
        return transactions.read(tenant, sql -> {
            ChainVerifier verifier = new ChainVerifier(tenant, checkpoint);
            return StoredChain.events(sql, 0, Long.MAX_VALUE)
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
                            : StoredChain.firstFork(sql).map(fork -> ChainVerifier.earliest(result, fork)));
        });
    }
}
