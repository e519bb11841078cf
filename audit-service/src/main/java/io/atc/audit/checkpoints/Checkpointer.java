package io.atc.audit.checkpoints;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.atc.core.tenancy.CrossTenantRead;
import io.atc.core.tenancy.CrossTenantReads;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Periodically signs a checkpoint for every chain whose head moved since the last round, so a
 * later rewind or truncation of the chain (which the database alone cannot reveal) is detected.
 * A new checkpoint is signed only if the chain verifies from the previous one (from genesis for
 * the first) up to the new head ({@link ChainSegmentCheck}): a rewound-then-regrown or tampered
 * chain is never blessed, and a checkpoint vouches for every event up to it, so the default
 * verification can start there.
 * Reads heads through the narrow audit.chain_heads_since function: tenant, seq and hash only.
 */
@ApplicationScoped
public class Checkpointer {

    private static final Logger LOG = Logger.getLogger(Checkpointer.class);
    private static final Duration LOOK_BACK = Duration.ofMinutes(1);

    private final CrossTenantReads reads;
    private final ChainSegmentCheck segments;
    private final CheckpointStore store;
    private volatile Instant lastRound = Instant.EPOCH;

    public Checkpointer(CrossTenantReads reads, ChainSegmentCheck segments, CheckpointStore store) {
        this.reads = reads;
        this.segments = segments;
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
                    byte[] headHash = head.getBuffer("head_hash").getBytes();
                    Checkpoint checkpoint = new Checkpoint(tenant, seq, headHash, Instant.now());
                    return segments.problemUpTo(tenant, newest.orElse(null), seq, headHash)
                            .flatMap(problem -> {
                                if (problem != null) {
                                    LOG.errorf(
                                            "ATC-AUDIT-REWOUND the chain of tenant %s does not verify from its checkpoint at seq %d"
                                                    + " to its head at seq %d (%s): not signing over it; run the verifier",
                                            tenant, newest.map(Checkpoint::seq).orElse(-1L), seq, problem);
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
}
