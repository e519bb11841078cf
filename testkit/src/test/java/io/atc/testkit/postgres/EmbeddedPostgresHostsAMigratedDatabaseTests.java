package io.atc.testkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;

import org.junit.jupiter.api.Test;

import io.atc.devservices.postgres.EmbeddedPostgresServer;
import io.atc.schema.RowLevelSecurityCatalog;
import io.atc.testkit.orgs.SyntheticOrganisation;
import io.atc.testkit.orgs.SyntheticOrganisations;

/**
 * The last resort of the harness works end to end: on an embedded Postgres (what a machine with
 * only a JDK gets) a run database is created, migrated, verified and dropped.
 */
class EmbeddedPostgresHostsAMigratedDatabaseTests {

    @Test
    void aRunDatabaseCanBeCreatedMigratedAndUsedOnEmbeddedPostgres() throws Exception {
        try (EmbeddedPostgresServer embedded = EmbeddedPostgresServer.start()) {
            PostgresServer server = new PostgresServer(
                    embedded.host(), embedded.port(), embedded.superuser(), "", "postgres", "embedded");
            TestDatabase database = TestDatabase.create(server);
            try {
                SyntheticOrganisation org = SyntheticOrganisations.create(database, "Embedded Org");
                try (Connection owner = database.connectAsOwner()) {
                    assertThat(RowLevelSecurityCatalog.violations(
                                    owner, database.target().appUser()))
                            .isEmpty();
                }
                assertThat(org.siteIds()).hasSize(2);
            } finally {
                database.drop();
            }
        }
    }
}
