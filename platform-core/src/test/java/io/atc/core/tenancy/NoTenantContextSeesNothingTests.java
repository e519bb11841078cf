package io.atc.core.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;

/**
 * A transaction that never bound a tenant sees and writes nothing, and a tenant binding never
 * outlives its transaction on a pooled connection.
 * Breaks when: the policy falls back to some tenant when atc.tenant_id is missing or empty, or
 * TenantTransactions binds with is_local = false (the binding then leaks into the next borrower).
 */
class NoTenantContextSeesNothingTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static Pool pool;
    private static SyntheticOrganisations orgs;

    @BeforeAll
    static void connect() {
        TestDatabase database = TestDatabase.shared();
        orgs = SyntheticOrganisations.in(database);
        pool = AppRolePools.open(database, 1);
    }

    @AfterAll
    static void close() {
        pool.closeAndAwait();
    }

    @Test
    void withoutATenantNoRowIsVisible() {
        long sites = pool.withTransaction(connection ->
                        connection.query("select count(*) from tenancy.sites").execute())
                .await()
                .atMost(WAIT)
                .iterator()
                .next()
                .getLong(0);
        long tenants = pool.withTransaction(connection ->
                        connection.query("select count(*) from tenancy.tenants").execute())
                .await()
                .atMost(WAIT)
                .iterator()
                .next()
                .getLong(0);

        assertThat(sites).isZero();
        assertThat(tenants).isZero();
    }

    @Test
    void withAnEmptyTenantSettingNoRowIsVisible() {
        long sites = pool.withTransaction(connection -> connection
                        .query("select set_config('atc.tenant_id', '', true)")
                        .execute()
                        .flatMap(bound -> connection
                                .query("select count(*) from tenancy.sites")
                                .execute()))
                .await()
                .atMost(WAIT)
                .iterator()
                .next()
                .getLong(0);

        assertThat(sites).isZero();
    }

    @Test
    void withoutATenantNothingCanBeWritten() {
        assertThatThrownBy(() -> pool.withTransaction(connection -> connection
                                .preparedQuery("insert into tenancy.sites (tenant_id, name) values ($1, 'orphan')")
                                .execute(Tuple.of(orgs.a().tenantId())))
                        .await()
                        .atMost(WAIT))
                .isInstanceOf(PgException.class)
                .hasMessageContaining("row-level security");

        int updated = pool.withTransaction(connection -> connection
                        .query("update tenancy.sites set name = name || '!'")
                        .execute())
                .await()
                .atMost(WAIT)
                .rowCount();
        int deleted = pool.withTransaction(connection ->
                        connection.query("delete from tenancy.sites").execute())
                .await()
                .atMost(WAIT)
                .rowCount();

        assertThat(updated).isZero();
        assertThat(deleted).isZero();
    }

    @Test
    void aTenantBindingDoesNotOutliveItsTransactionOnAPooledConnection() {
        UUID a = orgs.a().tenantId();
        long seenInsideA = new TenantTransactions(pool)
                .read(a, sql -> sql.execute("select count(*) from tenancy.sites")
                        .map(rows -> rows.iterator().next().getLong(0)))
                .await()
                .atMost(WAIT);

        long seenAfterwardsOnTheSameConnection = pool.withTransaction(connection ->
                        connection.query("select count(*) from tenancy.sites").execute())
                .await()
                .atMost(WAIT)
                .iterator()
                .next()
                .getLong(0);
        String settingAfterwards = pool.withConnection(connection -> connection
                        .query("select coalesce(current_setting('atc.tenant_id', true), '')")
                        .execute())
                .await()
                .atMost(WAIT)
                .iterator()
                .next()
                .getString(0);

        assertThat(seenInsideA).isEqualTo(orgs.a().siteIds().size());
        assertThat(seenAfterwardsOnTheSameConnection).isZero();
        assertThat(settingAfterwards).isEmpty();
    }
}
