package io.atc.retention.purge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.atc.core.tenancy.CrossTenantRead;
import io.atc.core.tenancy.CrossTenantReads;
import io.atc.core.tenancy.SessionLocks;
import io.atc.core.tenancy.TenantTransactions;
import io.atc.retention.deletion.BlobOutbox;
import io.atc.retention.deletion.Run;
import io.atc.retention.deletion.RunKind;
import io.atc.retention.deletion.RunRepository;
import io.atc.retention.deletion.RunSummary;
import io.atc.retention.erasure.InterruptedErasures;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;

/**
 * One purge round, as the schedule or a test calls it. First recovery: in every tenant with pending
 * work, a purge run a crash left unfinished is finished (its recorded cutoffs, its site's lock), an
 * erasure a crash interrupted is ended as interrupted, and the blob queue is drained. Then every site
 * with stored rows is purged under its session lock (a site another replica is purging is skipped), and
 * the blobs of the rows deleted are removed once their rows' deletion committed. Sites one after the
 * other: the purge is background work and should leave the database to the ingest.
 */
@ApplicationScoped
public class PurgeExecutor {

    private static final Logger LOG = Logger.getLogger(PurgeExecutor.class);

    private final CrossTenantReads reads;
    private final SessionLocks locks;
    private final TenantTransactions transactions;
    private final RunRepository runs;
    private final SitePurge sitePurge;
    private final InterruptedErasures interruptedErasures;
    private final BlobOutbox outbox;

    public PurgeExecutor(
            CrossTenantReads reads,
            SessionLocks locks,
            TenantTransactions transactions,
            RunRepository runs,
            SitePurge sitePurge,
            InterruptedErasures interruptedErasures,
            BlobOutbox outbox) {
        this.reads = reads;
        this.locks = locks;
        this.transactions = transactions;
        this.runs = runs;
        this.sitePurge = sitePurge;
        this.interruptedErasures = interruptedErasures;
        this.outbox = outbox;
    }

    private static final class Tally {
        final List<RunSummary> runs = new ArrayList<>();
        final Set<UUID> tenantsWithBlobs = new LinkedHashSet<>();
        int skipped;
        int blobsDeleted;
    }

    public Uni<PurgeRound> runOnce() {
        Instant at = Instant.now();
        Tally tally = new Tally();
        return recover(tally)
                .flatMap(recovered -> reads.read(CrossTenantRead.SITES_WITH_HISTORY))
                .flatMap(rows ->
                        forEach(rows, row -> purgeSite(row.getUUID("tenant_id"), row.getUUID("site_id"), at, tally)))
                .flatMap(done -> Multi.createFrom()
                        .iterable(List.copyOf(tally.tenantsWithBlobs))
                        .onItem()
                        .transformToUniAndConcatenate(tenant -> drain(tenant, tally))
                        .collect()
                        .last())
                .map(done -> new PurgeRound(List.copyOf(tally.runs), tally.skipped, tally.blobsDeleted));
    }

    private Uni<Void> recover(Tally tally) {
        return reads.read(CrossTenantRead.TENANTS_WITH_PENDING_WORK)
                .flatMap(rows -> forEach(rows, row -> recoverTenant(row.getUUID("tenant_id"), tally)));
    }

    private Uni<Void> recoverTenant(UUID tenantId, Tally tally) {
        return transactions
                .read(tenantId, runs::running)
                .flatMap(running -> Multi.createFrom()
                        .iterable(running)
                        .onItem()
                        .transformToUniAndConcatenate(run -> recoverRun(run, tally))
                        .collect()
                        .last())
                .flatMap(done -> drain(tenantId, tally));
    }

    /** Under the run's lock, and only if it is still running once the lock is held (its owner may have just ended it). */
    private Uni<Void> recoverRun(Run seen, Tally tally) {
        return locks.whileHolding(seen.lockName(), () -> transactions
                        .read(seen.tenantId(), sql -> runs.running(sql, seen.runId()))
                        .flatMap(still -> still.isEmpty()
                                ? Uni.createFrom().item(Optional.<RunSummary>empty())
                                : finish(still.get()).map(Optional::of)))
                .invoke(result -> result.flatMap(summary -> summary).ifPresent(summary -> record(summary, tally)))
                .onFailure()
                .invoke(e -> LOG.errorf(
                        "recovery of run %s of tenant %s failed: %s", seen.runId(), seen.tenantId(), e.getMessage()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<RunSummary> finish(Run run) {
        LOG.infof(
                "recovering run tenant=%s run=%s kind=%s",
                run.tenantId(), run.runId(), run.kind().column());
        return run.kind() == RunKind.PURGE ? sitePurge.finishRun(run) : interruptedErasures.end(run);
    }

    private Uni<Void> purgeSite(UUID tenantId, UUID siteId, Instant at, Tally tally) {
        return locks.whileHolding(Run.siteLock(tenantId, siteId), () -> sitePurge.purge(tenantId, siteId, at))
                .invoke(result -> {
                    if (result.isEmpty()) {
                        tally.skipped++;
                        LOG.infof("site purge skipped, another replica holds it: tenant=%s site=%s", tenantId, siteId);
                    }
                    result.flatMap(summary -> summary).ifPresent(summary -> record(summary, tally));
                })
                .onFailure()
                .invoke(e -> LOG.errorf(
                        "site purge failed, the next round finishes it: tenant=%s site=%s cause=%s",
                        tenantId, siteId, e.getMessage()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    private void record(RunSummary summary, Tally tally) {
        tally.runs.add(summary);
        if (summary.imagesDeleted() > 0) {
            tally.tenantsWithBlobs.add(summary.tenantId());
        }
    }

    private Uni<Void> drain(UUID tenantId, Tally tally) {
        return outbox.drain(tenantId)
                .invoke(deleted -> tally.blobsDeleted += deleted)
                .onFailure()
                .invoke(e -> LOG.errorf("blob queue of tenant %s not drained: %s", tenantId, e.getMessage()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    private static Uni<Void> forEach(Iterable<Row> rows, java.util.function.Function<Row, Uni<Void>> work) {
        List<Row> all = new ArrayList<>();
        rows.forEach(all::add);
        return Multi.createFrom()
                .iterable(all)
                .onItem()
                .transformToUniAndConcatenate(row -> work.apply(row))
                .collect()
                .last()
                .replaceWithVoid();
    }
}
