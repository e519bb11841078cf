package io.atc.retention.runs;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.atc.core.errors.ProblemException;
import io.atc.core.paging.Page;
import io.atc.core.paging.PageCursor;
import io.atc.core.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;

/** The tenant's purge and erasure history; each call is one read-only tenant transaction. */
@ApplicationScoped
public class Runs {

    private final TenantTransactions transactions;
    private final RunRepository repository;

    public Runs(TenantTransactions transactions, RunRepository repository) {
        this.transactions = transactions;
        this.repository = repository;
    }

    /** Newest first; {@code siteId} null lists every site's runs. */
    public Uni<Page<Run>> list(UUID tenantId, UUID siteId, PageCursor.Newest after, int limit) {
        return transactions
                .read(tenantId, sql -> repository.page(sql, siteId, after, limit + 1))
                .map(runs -> Page.of(
                        runs,
                        limit,
                        run -> new PageCursor.Newest(run.startedAt().toInstant(), run.runId()),
                        PageCursor.NEWEST_FIRST));
    }

    public Uni<Run> get(UUID tenantId, UUID runId) {
        return transactions
                .read(tenantId, sql -> repository.find(sql, runId))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("run " + runId)));
    }
}
