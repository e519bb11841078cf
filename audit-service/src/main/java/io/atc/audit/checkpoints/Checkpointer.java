package io.atc.audit.checkpoints;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.atc.core.tenancy.CrossTenantRead;
import io.atc.core.tenancy.CrossTenantReads;
import io.atc.core.tenancy.TenantTransactions;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Periodically signs a checkpoint for every chain whose head moved since the last round, so a
 * later rewind or truncation of the chain (which the database alone cannot reveal) is detected.
 * A new checkpoint is signed only if the chain still passes through the previous one, so a
 * rewound-then-regrown chain is never blessed.
 * Reads heads through the narrow audit.chain_heads_since function: tenant, seq and hash only.
 */
@ApplicationScoped
public class Checkpointer {

    private static final Logger LOG = Logger.getLogger(Checkpointer.class);
    private static final String HASH_AT = "select hash from audit.events where tenant_id = $1 and seq = $2";

    private static final Duration LOOK_BACK = Duration.ofMinutes(1);

    private final CrossTenantReads reads;
    private final TenantTransactions transactions;
    private final CheckpointStore store;
    private volatile Instant lastRound = Instant.EPOCH;

    public Checkpointer(CrossTenantReads reads, TenantTransactions transactions, CheckpointStore store) {
        this.reads = reads;
        this.transactions = transactions;
        this.store = store;
    }

    @Scheduled(
            every = "${atc.audit.checkpoint.interval}",
            delayed = "${atc.audit.checkpoint.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledRound() {
        return checkpointMovedChains()
                .onFailure()
                .invoke(e -> LOG.errorf("checkpoint round failed: %s", e.getMessage()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** Signs and stores a checkpoint for each chain that moved since the previous round; returns how many. */
    public Uni<Integer> checkpointMovedChains() {
        Instant roundStart = Instant.now();
        // updated_at is the appending transaction's start time, so a transaction that began before the
        // previous round and committed after it carries an older stamp: look back a minute to catch it.
        Instant since = lastRound.minus(LOOK_BACK);
        return reads.read(CrossTenantRead.MOVED_CHAIN_HEADS, Tuple.of(since.atOffset(ZoneOffset.UTC)))
                .onItem()
                .transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .onItem()
                .transformToUniAndConcatenate(this::checkpointIfNewer)
                .collect()
                .asList()
                .map(saved -> {
                    lastRound = roundStart;
                    return (int) saved.stream().filter(Boolean::booleanValue).count();
                });
    }

    private Uni<Boolean> checkpointIfNewer(Row head) {
        UUID tenant = head.getUUID("tenant_id");
        long seq = head.getLong("seq");
        return store.newest(tenant)
                .flatMap(newest -> {
                    if (newest.isPresent() && newest.get().seq() >= seq) {
                        return Uni.createFrom().item(false);
                    }
                    Checkpoint checkpoint = new Checkpoint(
                            tenant, seq, head.getBuffer("head_hash").getBytes(), Instant.now());
                    return newest.map(this::stillHolds)
                            .orElse(Uni.createFrom().item(true))
                            .flatMap(holds -> {
                                if (!holds) {
                                    LOG.errorf(
                                            "ATC-AUDIT-REWOUND the chain of tenant %s no longer matches its checkpoint at seq %d:"
                                                    + " not signing over it; run the verifier",
                                            tenant, newest.get().seq());
                                    return Uni.createFrom().item(false);
                                }
                                return store.save(checkpoint).replaceWith(true);
                            });
                })
                .onFailure(CheckpointTamperedException.class)
                .recoverWithUni(e -> {
                    LOG.errorf("ATC-AUDIT-CHECKPOINT tenant %s: %s; not signing over it", tenant, e.getMessage());
                    return Uni.createFrom().item(false);
                });
    }

    /** A new checkpoint may only extend the previous one: the chain must still pass through it. */
    private Uni<Boolean> stillHolds(Checkpoint previous) {
        return transactions.read(
                previous.tenant(), sql -> sql.execute(HASH_AT, Tuple.of(previous.tenant(), previous.seq()))
                        .map(rows -> rows.iterator().hasNext()
                                && Arrays.equals(
                                        rows.iterator().next().getBuffer("hash").getBytes(), previous.headHash())));
    }
}
