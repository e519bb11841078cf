package io.atc.core.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.atc.schema.RowLevelSecurityCatalog;
import io.atc.testkit.orgs.SyntheticOrganisation;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;

/**
 * Negative control: on a scratch database whose isolation is deliberately broken, the same
 * scenarios the isolation tests run must fail, and the catalog check must name the damage.
 * If these scenarios passed here, the isolation tests would prove nothing.
 */
class IsolationNegativeControlTests {

    private static TestDatabase scratch;
    private static IsolationScenarios scenarios;

    @BeforeAll
    static void breakIsolationOnAScratchDatabase() throws Exception {
        scratch = TestDatabase.scratch();
        SyntheticOrganisation a = SyntheticOrganisations.create(scratch, "Control A");
        SyntheticOrganisation b = SyntheticOrganisations.create(scratch, "Control B");
        try (Connection owner = scratch.connectAsOwner();
                Statement ddl = owner.createStatement()) {
            ddl.execute("drop policy tenant_isolation on tenancy.sites");
            ddl.execute("create policy everyone on tenancy.sites using (true) with check (true)");
            ddl.execute("alter table tenancy.tenants no force row level security");
            ddl.execute("alter table tenancy.tenants disable row level security");
        }
        scenarios = IsolationScenarios.on(scratch, a, b);
    }

    @AfterAll
    static void dropScratch() {
        if (scenarios != null) {
            scenarios.close();
        }
        if (scratch != null) {
            scratch.drop();
        }
    }

    @Test
    void readScenariosFailWhenThePolicyLetsEveryoneIn() {
        assertThatThrownBy(scenarios::listingShowsOnlyOwnSites).isInstanceOf(AssertionError.class);
        assertThatThrownBy(scenarios::otherTenantsSiteByIdIsInvisible).isInstanceOf(AssertionError.class);
        assertThatThrownBy(scenarios::otherTenantsRecordIsInvisible).isInstanceOf(AssertionError.class);
    }

    @Test
    void writeScenariosFailWhenThePolicyLetsEveryoneIn() {
        assertThatThrownBy(scenarios::updatingOtherTenantsRowChangesNothing).isInstanceOf(AssertionError.class);
        assertThatThrownBy(scenarios::deletingOtherTenantsRowChangesNothing).isInstanceOf(AssertionError.class);
        assertThatThrownBy(scenarios::movingOwnRowToOtherTenantIsDenied).isInstanceOf(AssertionError.class);
        assertThatThrownBy(scenarios::insertingIntoOtherTenantIsDenied).isInstanceOf(AssertionError.class);
    }

    @Test
    void theCatalogCheckNamesEveryWeakenedTable() throws Exception {
        try (Connection owner = scratch.connectAsOwner()) {
            assertThat(RowLevelSecurityCatalog.violations(
                            owner, scratch.target().appUser()))
                    .anyMatch(v -> v.startsWith("tenancy.sites: permissive policy everyone"))
                    .anyMatch(v -> v.startsWith("tenancy.sites: lacks the tenant policy"))
                    .anyMatch(v -> v.equals("tenancy.tenants: row level security is not enabled"))
                    .anyMatch(v -> v.equals("tenancy.tenants: row level security is not forced"));
        }
    }
}
