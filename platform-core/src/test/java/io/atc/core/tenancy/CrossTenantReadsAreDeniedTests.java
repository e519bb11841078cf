package io.atc.core.tenancy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Synthetic-organisation test 1: with tenant A's context, B's rows cannot be read, neither by
 * listing nor by id. Through the raw service-role pool and TenantTransactions; the service API
 * counterpart is edge-bridge's SitesApiCrossTenantReadsAreDeniedTests.
 * Breaks when: the policy's USING clause is removed or widened, or RLS is disabled
 * (IsolationNegativeControlTests runs these scenarios against such a database).
 */
class CrossTenantReadsAreDeniedTests {

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
    void listingReturnsOnlyTheCallersOwnSites() {
        scenarios.listingShowsOnlyOwnSites();
    }

    @Test
    void anotherTenantsSiteCannotBeReadById() {
        scenarios.otherTenantsSiteByIdIsInvisible();
    }

    @Test
    void anotherTenantsTenantRecordCannotBeRead() {
        scenarios.otherTenantsRecordIsInvisible();
    }
}
