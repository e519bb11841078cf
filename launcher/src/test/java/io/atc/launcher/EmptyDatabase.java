package io.atc.launcher;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import io.atc.testkit.postgres.PostgresServer;
import io.atc.testkit.postgres.TestDatabase;

/**
 * An empty database of a test's own, owned by a fresh owner role, for a run pointed at it with ATC_DB_URL
 * (the run creates the schema and the service roles named here). Closing drops the database and the roles.
 */
record EmptyDatabase(PostgresServer server, String name, String owner, String app, String retention)
        implements AutoCloseable {

    static final String OWNER_PASSWORD = "owner-secret";

    static EmptyDatabase create(String label) throws Exception {
        PostgresServer server = TestDatabase.shared().server();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        EmptyDatabase database = new EmptyDatabase(
                server,
                "atc_it_" + label + "_" + suffix,
                "atc_it_owner_" + suffix,
                "atc_it_app_" + suffix,
                "atc_it_retention_" + suffix);
        try (Connection admin = server.connectAsAdmin();
                Statement ddl = admin.createStatement()) {
            ddl.execute("create role " + database.owner + " login createrole password '" + OWNER_PASSWORD + "'");
            ddl.execute("create database " + database.name + " owner " + database.owner);
        }
        return database;
    }

    /** The run's database settings: this database, its owner, and the two service roles to create. */
    Map<String, String> environment() {
        return Map.of(
                "ATC_DB_URL", server.uri(name),
                "ATC_DB_OWNER_USER", owner,
                "ATC_DB_OWNER_PASSWORD", OWNER_PASSWORD,
                "ATC_DB_APP_USER", app,
                "ATC_DB_APP_PASSWORD", "app-secret",
                "ATC_DB_RETENTION_USER", retention,
                "ATC_DB_RETENTION_PASSWORD", "retention-secret");
    }

    String jdbcUrl() {
        return server.jdbcUrl(name);
    }

    @Override
    public void close() throws Exception {
        try (Connection admin = server.connectAsAdmin();
                Statement ddl = admin.createStatement()) {
            ddl.execute("drop database if exists " + name + " with (force)");
            ddl.execute("drop role if exists " + app);
            ddl.execute("drop role if exists " + retention);
            ddl.execute("drop role if exists " + owner);
        }
    }
}
