package io.atc.core.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Synthetic-organisation test 2: with tenant A's context, inserting a row for B, updating B's
 * row, moving A's row to B and deleting B's row are all denied (WITH CHECK violation or no row
 * touched), and B's data is unchanged afterwards.
 * Breaks when: the policy loses WITH CHECK or USING, or RLS is disabled (see IsolationNegativeControlTests).
 */
class CrossTenantWritesAreDeniedTests {

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
    void everyWriteIntoAnotherTenantIsDeniedAndLeavesItsDataUnchanged() {
        List<String> before = scenarios.bSnapshot();

        scenarios.insertingIntoOtherTenantIsDenied();
        scenarios.updatingOtherTenantsRowChangesNothing();
        scenarios.movingOwnRowToOtherTenantIsDenied();
        scenarios.deletingOtherTenantsRowChangesNothing();

        assertThat(scenarios.bSnapshot()).isEqualTo(before).isNotEmpty();
    }
}
