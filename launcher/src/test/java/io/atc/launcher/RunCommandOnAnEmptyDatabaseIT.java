package io.atc.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.atc.schema.DatabaseTarget;
import io.atc.schema.RowLevelSecurityCatalog;

/**
 * Pointed at an empty database with ATC_DB_URL, the run command creates the schema as the owner,
 * creates the service roles (the app role and the retention-service's own), and leaves a catalog where every table has RLS enabled, forced and a
 * USING + WITH CHECK policy, with a service role that is NOBYPASSRLS and owns nothing.
 */
class RunCommandOnAnEmptyDatabaseIT {

    @Test
    void migratesAnEmptyDatabaseIntoTheIsolationContract() throws Exception {
        try (EmptyDatabase database = EmptyDatabase.create("empty");
                LaunchedPlatform platform = LaunchedPlatform.start(database.environment())) {
            platform.awaitUp(Duration.ofSeconds(150));
            for (String service : platform.services()) {
                platform.readiness(service);
            }
            platform.stop();

            try (Connection ownerConnection =
                    DriverManager.getConnection(database.jdbcUrl(), database.owner(), EmptyDatabase.OWNER_PASSWORD)) {
                assertThat(RowLevelSecurityCatalog.violations(
                                ownerConnection,
                                new DatabaseTarget(
                                        database.environment().get("ATC_DB_URL"),
                                        database.owner(),
                                        EmptyDatabase.OWNER_PASSWORD,
                                        database.app(),
                                        "app-secret",
                                        database.retention(),
                                        "retention-secret")))
                        .isEmpty();
                assertThat(tablesWithForcedRlsAndPolicy(ownerConnection)).contains("tenancy.tenants", "tenancy.sites");
            }
        }
    }

    /** The catalog query docs/operations.md gives operators, run here as they would run it. */
    private static java.util.List<String> tablesWithForcedRlsAndPolicy(Connection connection) throws Exception {
        java.util.List<String> tables = new java.util.ArrayList<>();
        try (Statement query = connection.createStatement();
                ResultSet rows = query.executeQuery("""
                select n.nspname || '.' || c.relname
                  from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where c.relkind = 'r' and c.relrowsecurity and c.relforcerowsecurity
                   and exists (select 1 from pg_policy p where p.polrelid = c.oid
                                and p.polqual is not null and p.polwithcheck is not null)
                """)) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }
}
