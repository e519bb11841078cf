package io.atc.retention.purge;

import java.util.Optional;

import io.atc.core.tenancy.TenantSql;
import io.atc.retention.deletion.RowsInScope;
import io.atc.retention.deletion.Run;
import io.atc.retention.deletion.Selection;
import io.atc.retention.deletion.StoredTable;
import io.atc.retention.plan.ExpiredRows;
import io.atc.retention.plan.RetentionPlans;
import io.smallrye.mutiny.Uni;

/**
 * What a purge batch may delete: {@link ExpiredRows} with the run's recorded cutoffs and the holds
 * active now (read again in each batch's transaction); nothing once the site is held.
 */
final class PurgeScope implements RowsInScope {

    private final RetentionPlans plans;
    private final Run run;

    PurgeScope(RetentionPlans plans, Run run) {
        this.plans = plans;
        this.run = run;
    }

    @Override
    public Uni<Optional<Selection>> select(TenantSql sql, StoredTable table) {
        return plans.forSite(sql, run.siteId(), java.time.Instant.now())
                .map(plan -> plan.siteHeld()
                        ? Optional.empty()
                        : Optional.of(new Selection(
                                ExpiredRows.PREDICATE,
                                ExpiredRows.parameters(
                                        plan, table == StoredTable.EVENTS ? run.eventsCutoff() : run.imagesCutoff()))));
    }
}
