package io.atc.core.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import io.atc.core.audit.AuditEntry;
import io.atc.testkit.orgs.SyntheticOrganisation;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;

/**
 * The attacks of one tenant on another, each asserting that row level security denies it.
 * Shared by the isolation tests and by their negative control, which runs them against a
 * database whose policy was weakened and expects them to fail.
 */
final class IsolationScenarios implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final Pool pool;
    private final TenantTransactions transactions;
    private final SyntheticOrganisation a;
    private final SyntheticOrganisation b;

    private IsolationScenarios(Pool pool, SyntheticOrganisation a, SyntheticOrganisation b) {
        this.pool = pool;
        this.transactions = new TenantTransactions(pool);
        this.a = a;
        this.b = b;
    }

    /** A attacking B on the run's database, through a service-role pool. */
    static IsolationScenarios onRunDatabase() {
        TestDatabase database = TestDatabase.shared();
        SyntheticOrganisations orgs = SyntheticOrganisations.in(database);
        return on(database, orgs.a(), orgs.b());
    }

    static IsolationScenarios on(TestDatabase database, SyntheticOrganisation a, SyntheticOrganisation b) {
        return new IsolationScenarios(AppRolePools.open(database, 4), a, b);
    }

    @Override
    public void close() {
        pool.closeAndAwait();
    }

    void listingShowsOnlyOwnSites() {
        List<UUID> visible = asA(sql -> sql.execute("select site_id from tenancy.sites")
                .map(rows -> rows.stream().map(row -> row.getUUID("site_id")).toList()));
        assertThat(visible).containsExactlyInAnyOrderElementsOf(a.siteIds()).doesNotContainAnyElementsOf(b.siteIds());
    }

    void otherTenantsSiteByIdIsInvisible() {
        for (UUID bSite : b.siteIds()) {
            long found =
                    asA(sql -> sql.execute("select count(*) from tenancy.sites where site_id = $1", Tuple.of(bSite))
                            .map(rows -> rows.iterator().next().getLong(0)));
            assertThat(found).as("B's site %s seen from A", bSite).isZero();
        }
    }

    void otherTenantsRecordIsInvisible() {
        long found = asA(
                sql -> sql.execute("select count(*) from tenancy.tenants where tenant_id = $1", Tuple.of(b.tenantId()))
                        .map(rows -> rows.iterator().next().getLong(0)));
        assertThat(found).as("B's tenant row seen from A").isZero();
    }

    void insertingIntoOtherTenantIsDenied() {
        assertThatThrownBy(() -> attemptAsA(sql -> sql.execute(
                        "insert into tenancy.sites (tenant_id, name) values ($1, 'planted by A')",
                        Tuple.of(b.tenantId()))))
                .as("A inserting a site into B")
                .isInstanceOf(PgException.class)
                .hasMessageContaining("row-level security");
    }

    void updatingOtherTenantsRowChangesNothing() {
        int updated = attemptAsA(sql -> sql.execute(
                        "update tenancy.sites set name = 'renamed by A' where site_id = $1",
                        Tuple.of(b.siteIds().get(0)))
                .map(rows -> rows.rowCount()));
        assertThat(updated).as("B's rows updated from A").isZero();
    }

    void movingOwnRowToOtherTenantIsDenied() {
        assertThatThrownBy(() -> attemptAsA(sql -> sql.execute(
                        "update tenancy.sites set tenant_id = $1 where site_id = $2",
                        Tuple.of(b.tenantId(), a.siteIds().get(0)))))
                .as("A moving its site to B")
                .isInstanceOf(PgException.class)
                .hasMessageContaining("row-level security");
    }

    void deletingOtherTenantsRowChangesNothing() {
        int deleted = attemptAsA(sql -> sql.execute(
                        "delete from tenancy.sites where site_id = $1",
                        Tuple.of(b.siteIds().get(1)))
                .map(rows -> rows.rowCount()));
        assertThat(deleted).as("B's rows deleted from A").isZero();
    }

    /** What B sees of itself: compared before and after A's attempts. */
    List<String> bSnapshot() {
        return transactions
                .read(b.tenantId(), sql -> sql.execute(
                                "select tenant_id, site_id, name from tenancy.sites order by site_id")
                        .map(rows ->
                                rows.stream().map(IsolationScenarios::describe).toList()))
                .await()
                .atMost(WAIT);
    }

    private <T> T asA(Function<TenantSql, Uni<T>> work) {
        return transactions.read(a.tenantId(), work).await().atMost(WAIT);
    }

    /** A write attempt by A, through the mutation path services use (audited when it commits). */
    private <T> T attemptAsA(Function<TenantSql, Uni<T>> work) {
        return transactions
                .mutate(a.tenantId(), sql -> work.apply(sql)
                        .map(result -> Audited.of(
                                result, AuditEntry.of("test:attacker", "test.attack", "tenant:" + b.tenantId()))))
                .await()
                .atMost(WAIT);
    }

    private static String describe(Row row) {
        return row.getUUID("tenant_id") + "/" + row.getUUID("site_id") + "/" + row.getString("name");
    }
}
