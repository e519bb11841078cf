package io.atc.core.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import io.atc.schema.RowLevelSecurityCatalog;
import io.atc.testkit.postgres.TestDatabase;

/**
 * Least privilege per service (design.md): only the retention-service's login role may delete ingested
 * events and images. The other services' role is refused by Postgres itself, and the migrator's catalog
 * check refuses a database where a careless operator granted it that right.
 * Breaks when: a migration grants DELETE on edge.events or edge.images to the app role, or the catalog
 * stops looking (the second test grants it on a scratch database and expects the violation).
 */
class OnlyTheRetentionRoleMayDeleteIngestedHistoryTests {

    @Test
    void theAppRoleCannotDeleteEventsOrImagesButTheRetentionRoleCan() throws Exception {
        TestDatabase database = TestDatabase.shared();
        for (String table : new String[] {"edge.events", "edge.images"}) {
            try (Connection app = database.connectAsApp();
                    Statement statement = app.createStatement()) {
                assertThatThrownBy(() -> statement.execute("delete from " + table))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("permission denied");
            }
            try (Connection retention = database.connectAsRetention();
                    Statement statement = retention.createStatement()) {
                // RLS still applies: unbound, the role sees (and deletes) nothing.
                assertThat(statement.executeUpdate("delete from " + table)).isZero();
            }
        }
    }

    @Test
    void theCatalogRefusesADatabaseWhereTheAppRoleMayDeleteHistory() throws Exception {
        TestDatabase scratch = TestDatabase.scratch();
        try {
            try (Connection owner = scratch.connectAsOwner();
                    Statement statement = owner.createStatement()) {
                assertThat(RowLevelSecurityCatalog.violations(owner, scratch.target()))
                        .isEmpty();
                statement.execute(
                        "grant delete on edge.images to \"" + scratch.target().appUser() + "\"");
                assertThat(RowLevelSecurityCatalog.violations(owner, scratch.target()))
                        .containsExactly("service role " + scratch.target().appUser()
                                + " may delete from edge.images, which only the retention role "
                                + scratch.target().retentionUser() + " may");
            }
        } finally {
            scratch.drop();
        }
    }
}
