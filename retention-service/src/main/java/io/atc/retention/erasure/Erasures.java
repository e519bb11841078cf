package io.atc.retention.erasure;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.atc.core.audit.AuditErasure;
import io.atc.core.errors.ProblemException;
import io.atc.core.errors.ProblemType;
import io.atc.core.identity.Caller;
import io.atc.core.tenancy.Audited;
import io.atc.core.tenancy.SessionLocks;
import io.atc.core.tenancy.TenantSql;
import io.atc.core.tenancy.TenantTransactions;
import io.atc.retention.deletion.BatchPace;
import io.atc.retention.deletion.BatchedDeletion;
import io.atc.retention.deletion.BlobOutbox;
import io.atc.retention.deletion.NewRun;
import io.atc.retention.deletion.Run;
import io.atc.retention.deletion.RunKind;
import io.atc.retention.deletion.RunRepository;
import io.atc.retention.deletion.RunSummary;
import io.smallrye.mutiny.Uni;

/**
 * Erasure of a device or a site: irreversible. One transaction checks the target is the tenant's and
 * that no active hold covers it (else 409 naming the holds, nothing deleted) and records the run; the
 * same batched deletion as the purge, without cutoff, deletes every stored event and image of it; one
 * transaction ends the run, tombstones the audit payloads about the target ({@link AuditErasure}) and
 * appends the {@value AuditErasure#ACTION} event that lists them and commits to the run's counts and
 * digest, so the chain still verifies; then the erased images' blobs are deleted (the blob outbox). The run's lock is held throughout, so recovery never mistakes a
 * running erasure for a crashed one.
 */
@ApplicationScoped
public class Erasures {

    private static final Logger LOG = Logger.getLogger(Erasures.class);

    private final TenantTransactions transactions;
    private final SessionLocks locks;
    private final ErasureRepository repository;
    private final RunRepository runs;
    private final BatchedDeletion deletion;
    private final BlobOutbox outbox;

    public Erasures(
            TenantTransactions transactions,
            SessionLocks locks,
            ErasureRepository repository,
            RunRepository runs,
            BatchedDeletion deletion,
            BlobOutbox outbox) {
        this.transactions = transactions;
        this.locks = locks;
        this.repository = repository;
        this.runs = runs;
        this.deletion = deletion;
        this.outbox = outbox;
    }

    public Uni<ErasureReceipt> erase(Caller caller, ErasureRequest request) {
        ErasureTarget target = ErasureTarget.of(request);
        UUID runId = UUID.randomUUID();
        String reason = request.reason();
        return locks.whileHolding(Run.runLock(caller.tenantId(), runId), () -> transactions
                        .stepOfAuditedOperation(caller.tenantId(), sql -> start(sql, caller, target, runId, reason))
                        .flatMap(
                                run -> deletion.deleteAll(run, new ErasureScope(repository, target), BatchPace.UNPACED))
                        .flatMap(run -> end(caller, target, run, reason)))
                .map(done -> done.orElseThrow(() -> new IllegalStateException("a fresh run id's lock was taken")))
                .call(receipt -> drainBlobs(caller));
    }

    /** The erased images' blobs, now that their rows' deletion committed; what is left the next purge round drains. */
    private Uni<Integer> drainBlobs(Caller caller) {
        return outbox.drain(caller.tenantId())
                .onFailure()
                .invoke(e -> LOG.warnf(
                        "blob queue of tenant %s left to the next round: %s", caller.tenantId(), e.getMessage()))
                .onFailure()
                .recoverWithItem(0);
    }

    private Uni<Run> start(TenantSql sql, Caller caller, ErasureTarget target, UUID runId, String reason) {
        return repository.runSite(sql, target).flatMap(site -> {
            if (site.isEmpty()) {
                throw ProblemException.notFound(target.isSite() ? "site" : "device");
            }
            return repository.activeHolds(sql, target).flatMap(holds -> {
                if (!holds.isEmpty()) {
                    throw new ProblemException(
                            ProblemType.CONFLICT,
                            "active legal hold(s) cover the " + (target.isSite() ? "site" : "device") + ": "
                                    + holds.stream().map(UUID::toString).collect(Collectors.joining(", ")));
                }
                return runs.insert(
                        sql,
                        new NewRun(
                                runId,
                                RunKind.ERASURE,
                                site.get(),
                                target.isSite() ? null : target.deviceId(),
                                reason,
                                caller.actor(),
                                null,
                                null,
                                Instant.now()));
            });
        });
    }

    private record Ended(RunSummary summary, List<Long> tombstoned) {}

    private Uni<ErasureReceipt> end(Caller caller, ErasureTarget target, Run run, String reason) {
        return transactions
                .mutate(
                        caller.tenantId(),
                        sql -> runs.finish(sql, run.runId(), "finished").flatMap(summary -> AuditErasure.tombstone(
                                        sql::execute, sql.tenantId(), List.of(), target.subject())
                                .map(erased -> Audited.of(
                                        new Ended(summary, erased),
                                        AuditErasure.entry(caller.actor(), erased, reason, details(summary))))),
                        (sql, ended, receipt) -> runs.recordAuditSeq(sql, run.runId(), receipt.seq())
                                .map(recorded -> receipt(target, ended, receipt.seq())))
                .invoke(receipt -> LOG.infof(
                        "erased tenant=%s run=%s events=%d images=%d tombstoned=%d",
                        caller.tenantId(),
                        run.runId(),
                        receipt.eventsDeleted(),
                        receipt.imagesDeleted(),
                        receipt.tombstonedSeqs().size()));
    }

    /** The run's commitment, without the subject: the erasure event must never name what it erased. */
    static Map<String, Object> details(RunSummary summary) {
        Map<String, Object> details = new LinkedHashMap<>(summary.auditPayload());
        details.put("kind", "retention.erasure");
        return details;
    }

    private static ErasureReceipt receipt(ErasureTarget target, Ended ended, long auditSeq) {
        RunSummary summary = ended.summary();
        return new ErasureReceipt(
                summary.runId(),
                target.subject(),
                summary.eventsDeleted(),
                summary.eventBytes(),
                summary.imagesDeleted(),
                summary.imageBytes(),
                summary.idsDigestHex(),
                ended.tombstoned(),
                auditSeq);
    }
}
