package io.atc.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.atc.schema.DatabaseTarget;
import io.atc.schema.RowLevelSecurityCatalog;
import io.atc.testkit.postgres.PostgresServer;
import io.atc.testkit.postgres.TestDatabase;

/**
 * Pointed at an empty database with ATC_DB_URL, the run command creates the schema as the owner,
 * creates the service roles (the app role and the retention-service's own), and leaves a catalog where every table has RLS enabled, forced and a
 * USING + WITH CHECK policy, with a service role that is NOBYPASSRLS and owns nothing.
 */
class RunCommandOnAnEmptyDatabaseIT {

    @Test
    void migratesAnEmptyDatabaseIntoTheIsolationContract() throws Exception {
        PostgresServer server = TestDatabase.shared().server();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String database = "atc_it_empty_" + suffix;
        String owner = "atc_it_owner_" + suffix;
        String app = "atc_it_app_" + suffix;
        String retention = "atc_it_retention_" + suffix;
        try (Connection admin = server.connectAsAdmin();
                Statement ddl = admin.createStatement()) {
            ddl.execute("create role " + owner + " login createrole password 'owner-secret'");
            ddl.execute("create database " + database + " owner " + owner);
        }
        try (LaunchedPlatform platform = LaunchedPlatform.start(Map.of(
                "ATC_DB_URL",
                server.uri(database),
                "ATC_DB_OWNER_USER",
                owner,
                "ATC_DB_OWNER_PASSWORD",
                "owner-secret",
                "ATC_DB_APP_USER",
                app,
                "ATC_DB_APP_PASSWORD",
                "app-secret",
                "ATC_DB_RETENTION_USER",
                retention,
                "ATC_DB_RETENTION_PASSWORD",
                "retention-secret"))) {
            platform.awaitUp(Duration.ofSeconds(150));
            for (String service : platform.services()) {
                platform.readiness(service);
            }
            platform.stop();

            try (Connection ownerConnection =
                    DriverManager.getConnection(server.jdbcUrl(database), owner, "owner-secret")) {
                assertThat(RowLevelSecurityCatalog.violations(
                                ownerConnection,
                                new DatabaseTarget(
                                        server.uri(database),
                                        owner,
                                        "owner-secret",
                                        app,
                                        "app-secret",
                                        retention,
                                        "retention-secret")))
                        .isEmpty();
                assertThat(tablesWithForcedRlsAndPolicy(ownerConnection)).contains("tenancy.tenants", "tenancy.sites");
            }
        } finally {
            try (Connection admin = server.connectAsAdmin();
                    Statement ddl = admin.createStatement()) {
                ddl.execute("drop database if exists " + database + " with (force)");
                ddl.execute("drop role if exists " + app);
                ddl.execute("drop role if exists " + retention);
                ddl.execute("drop role if exists " + owner);
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
