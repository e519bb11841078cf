package io.atc.retention.erasure;

import jakarta.enterprise.context.ApplicationScoped;

import io.atc.core.audit.AuditEntry;
import io.atc.core.tenancy.Audited;
import io.atc.core.tenancy.TenantTransactions;
import io.atc.retention.deletion.Run;
import io.atc.retention.deletion.RunRepository;
import io.atc.retention.deletion.RunSummary;
import io.smallrye.mutiny.Uni;

/**
 * An erasure whose service died mid-way: its caller got no receipt, so recovery does not finish it
 * behind their back; it ends the run as interrupted with an audit event that commits to what its
 * committed batches deleted (counts and digest). The caller repeats the erasure to finish it.
 */
@ApplicationScoped
public class InterruptedErasures {

    public static final String ACTOR = "platform:retention-recovery";
    public static final String ACTION = "retention.erasure.interrupted";

    private final TenantTransactions transactions;
    private final RunRepository runs;

    public InterruptedErasures(TenantTransactions transactions, RunRepository runs) {
        this.transactions = transactions;
        this.runs = runs;
    }

    public Uni<RunSummary> end(Run run) {
        return transactions.mutate(
                run.tenantId(),
                sql -> runs.finish(sql, run.runId(), "interrupted")
                        .map(summary -> Audited.of(
                                summary,
                                new AuditEntry(ACTOR, ACTION, "erasure:" + run.runId(), summary.auditPayload()))),
                (sql, summary, receipt) ->
                        runs.recordAuditSeq(sql, run.runId(), receipt.seq()).replaceWith(summary));
    }
}
