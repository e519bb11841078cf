package io.atc.core.tenancy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Synthetic-organisation test 1: with tenant A's context, B's rows cannot be read, neither by
 * listing nor by id. Through the raw service-role pool and TenantTransactions; the service API
 * counterpart is edge-bridge's SitesApiCrossTenantReadsAreDeniedTests.
 * Breaks when: the policy's USING clause is removed or widened, or RLS is disabled
 * (IsolationNegativeControlTests runs these scenarios against such a database).
 */
class CrossTenantReadsAreDeniedTests {

    private static IsolationScenarios scenarios;

    @BeforeAll
    static void connect() {
        scenarios = IsolationScenarios.onRunDatabase();
    }

    @AfterAll
    static void close() {
        scenarios.close();
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
