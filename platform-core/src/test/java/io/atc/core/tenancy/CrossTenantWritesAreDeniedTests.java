package io.atc.core.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Synthetic-organisation test 2: with tenant A's context, inserting a row for B, updating B's
 * row, moving A's row to B and deleting B's row are all denied (WITH CHECK violation or no row
 * touched), and B's data is unchanged afterwards.
 * Breaks when: the policy loses WITH CHECK or USING, or RLS is disabled (see IsolationNegativeControlTests).
 */
class CrossTenantWritesAreDeniedTests {

    private static Pool pool;
    private static IsolationScenarios scenarios;

    @BeforeAll
    static void connect() {
        TestDatabase database = TestDatabase.shared();
        SyntheticOrganisations orgs = SyntheticOrganisations.in(database);
        pool = AppRolePools.open(database, 4);
        scenarios = new IsolationScenarios(new TenantTransactions(pool), orgs.a(), orgs.b());
    }

    @AfterAll
    static void close() {
        pool.closeAndAwait();
    }

    @Test
    void everyWriteIntoAnotherTenantIsDeniedAndLeavesItsDataUnchanged() {
        List<String> before = scenarios.bSnapshot();

        scenarios.insertingIntoOtherTenantIsDenied();
        scenarios.updatingOtherTenantsRowChangesNothing();
        scenarios.movingOwnRowToOtherTenantIsDenied();
        scenarios.deletingOtherTenantsRowChangesNothing();

        assertThat(scenarios.bSnapshot()).isEqualTo(before).isNotEmpty();
    }
}
