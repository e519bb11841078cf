package io.atc.testkit.postgres;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.pgclient.PgConnectOptions;

/**
 * A login role made up for one test, the kind a careless operator creates: a member of the schema
 * owner, a copy of the service role with a grant too many, a tool that bypasses row level security.
 * Created, changed and dropped by the server's admin; it may connect to the test database and, until
 * given more, holds nothing else. Close it to drop it (roles outlive databases).
 */
public final class ThrowawayRole implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final TestDatabase database;
    private final String name;
    private final String password;

    private ThrowawayRole(TestDatabase database, String name, String password) {
        this.database = database;
        this.name = name;
        this.password = password;
    }

    /** @param attributes what follows {@code create role <name> login password '…'}, e.g. {@code in role atc_owner_…} */
    public static ThrowawayRole create(TestDatabase database, String attributes) {
        byte[] secret = new byte[16];
        RANDOM.nextBytes(secret);
        ThrowawayRole role = new ThrowawayRole(
                database,
                database.name() + "_r" + SEQUENCE.incrementAndGet(),
                HexFormat.of().formatHex(secret));
        role.apply("create role %s login password '" + role.password + "' " + attributes);
        role.apply("grant connect on database " + database.name() + " to %s");
        return role;
    }

    public String name() {
        return name;
    }

    public String password() {
        return password;
    }

    /** Runs {@code statement} as the admin in the test database, with {@code %s} standing for this role's name. */
    public ThrowawayRole apply(String statement) {
        try (Connection admin = adminInDatabase();
                Statement sql = admin.createStatement()) {
            sql.execute(statement.formatted(name));
            return this;
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot run " + statement.formatted(name).replace(password, "***") + ": " + e.getMessage(), e);
        }
    }

    /** Connection options for this role, as a service or a tool would connect. */
    public PgConnectOptions connectOptions() {
        return PgConnectOptions.fromUri(database.target().uri()).setUser(name).setPassword(password);
    }

    @Override
    public void close() {
        apply("drop owned by %s");
        apply("drop role %s");
    }

    private Connection adminInDatabase() throws SQLException {
        PostgresServer server = database.server();
        return DriverManager.getConnection(server.jdbcUrl(database.name()), server.adminUser(), server.adminPassword());
    }
}
