package io.atc.retention.purge;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.atc.core.audit.AuditEntry;
import io.atc.core.tenancy.Audited;
import io.atc.core.tenancy.TenantSql;
import io.atc.core.tenancy.TenantTransactions;
import io.atc.retention.deletion.BatchedDeletion;
import io.atc.retention.deletion.NewRun;
import io.atc.retention.deletion.Run;
import io.atc.retention.deletion.RunKind;
import io.atc.retention.deletion.RunRepository;
import io.atc.retention.deletion.RunSummary;
import io.atc.retention.plan.ExpiredRows;
import io.atc.retention.plan.RetentionPlan;
import io.atc.retention.plan.RetentionPlans;
import io.smallrye.mutiny.Uni;

/**
 * The purge of one site, by the replica holding the site's lock: one transaction reads the site's
 * {@link RetentionPlan} and, if it has expired rows, records a run with its cutoffs; batches delete
 * them ({@link BatchedDeletion}); one transaction ends the run and appends its one audit event
 * ({@value #ACTION}, committing to the counts and the digest of the deleted ids).
 */
@ApplicationScoped
public class SitePurge {

    public static final String ACTOR = "platform:retention-purge";
    public static final String ACTION = "retention.purged";

    private static final Logger LOG = Logger.getLogger(SitePurge.class);

    private static final String ANYTHING_EXPIRED = "select exists (select 1 from edge.events where "
            + ExpiredRows.PREDICATE + ") or exists (select 1 from edge.images where "
            + ExpiredRows.PREDICATE.replace("$3", "$5") + ") as expired";

    private final TenantTransactions transactions;
    private final RetentionPlans plans;
    private final RunRepository runs;
    private final BatchedDeletion deletion;
    private final PurgePace pace;

    public SitePurge(
            TenantTransactions transactions,
            RetentionPlans plans,
            RunRepository runs,
            BatchedDeletion deletion,
            PurgePace pace) {
        this.transactions = transactions;
        this.plans = plans;
        this.runs = runs;
        this.deletion = deletion;
        this.pace = pace;
    }

    /** Purges the site; empty if it is held or has nothing expired (then no run, no audit event). */
    public Uni<Optional<RunSummary>> purge(UUID tenantId, UUID siteId, Instant at) {
        return transactions
                .stepOfAuditedOperation(tenantId, sql -> startIfExpired(sql, siteId, at))
                .flatMap(run -> run.isPresent()
                        ? finishRun(run.get()).map(Optional::of)
                        : Uni.createFrom().item(Optional.empty()));
    }

    /** Deletes the rest of a run a crash interrupted, with its recorded cutoffs, and ends it. */
    public Uni<RunSummary> finishRun(Run run) {
        return deletion.deleteAll(run, new PurgeScope(plans, run), pace)
                .flatMap(this::end)
                .invoke(summary -> LOG.infof(
                        "purged site tenant=%s site=%s run=%s events=%d eventBytes=%d images=%d imageBytes=%d",
                        run.tenantId(),
                        run.siteId(),
                        run.runId(),
                        summary.eventsDeleted(),
                        summary.eventBytes(),
                        summary.imagesDeleted(),
                        summary.imageBytes()));
    }

    private Uni<Optional<Run>> startIfExpired(TenantSql sql, UUID siteId, Instant at) {
        return plans.forSite(sql, siteId, at).flatMap(plan -> {
            if (plan.siteHeld()) {
                return Uni.createFrom().item(Optional.<Run>empty());
            }
            return sql.execute(
                            ANYTHING_EXPIRED,
                            ExpiredRows.eventParameters(plan)
                                    .addOffsetDateTime(plan.imagesCutoff().atOffset(java.time.ZoneOffset.UTC)))
                    .flatMap(rows -> rows.iterator().next().getBoolean("expired")
                            ? runs.insert(sql, newRun(plan)).map(Optional::of)
                            : Uni.createFrom().item(Optional.<Run>empty()));
        });
    }

    private static NewRun newRun(RetentionPlan plan) {
        return new NewRun(
                UUID.randomUUID(),
                RunKind.PURGE,
                plan.siteId(),
                null,
                null,
                ACTOR,
                plan.eventsCutoff(),
                plan.imagesCutoff(),
                plan.at());
    }

    private Uni<RunSummary> end(Run run) {
        return transactions.mutate(
                run.tenantId(),
                sql -> runs.finish(sql, run.runId(), "finished")
                        .map(summary -> Audited.of(
                                summary,
                                new AuditEntry(ACTOR, ACTION, "site:" + run.siteId(), summary.auditPayload()))),
                (sql, summary, receipt) ->
                        runs.recordAuditSeq(sql, run.runId(), receipt.seq()).replaceWith(summary));
    }
}
