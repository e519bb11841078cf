package io.atc.testkit.postgres;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

import org.jboss.logging.Logger;

import io.atc.schema.DatabaseMigrator;
import io.atc.schema.DatabaseProvisioner;
import io.atc.schema.DatabaseTarget;
import io.atc.schema.DatabaseTls;
import io.vertx.pgclient.PgConnectOptions;

/**
 * A fresh database for one test run (one JVM): its own owner and service roles, migrated as the
 * owner, dropped with its roles when the JVM ends. Services under test connect as the service role.
 */
public final class TestDatabase {

    private static final Logger LOG = Logger.getLogger(TestDatabase.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "atc_test_";

    private static volatile TestDatabase shared;

    private final PostgresServer server;
    private final DatabaseTarget target;
    private final String database;

    private TestDatabase(PostgresServer server, DatabaseTarget target, String database) {
        this.server = server;
        this.target = target;
        this.database = database;
    }

    /** The run's database, created and migrated on first use. */
    public static TestDatabase shared() {
        TestDatabase current = shared;
        if (current == null) {
            synchronized (TestDatabase.class) {
                current = shared;
                if (current == null) {
                    current = create(PostgresServerResolver.resolve());
                    TestDatabase created = current;
                    Runtime.getRuntime().addShutdownHook(new Thread(created::drop, "atc-test-database-drop"));
                    shared = current;
                }
            }
        }
        return current;
    }

    /** A database of its own (for tests that break it on purpose); the caller drops it. */
    public static TestDatabase scratch() {
        return create(shared().server);
    }

    /** A fresh, migrated database on the given server; the caller drops it. */
    public static TestDatabase create(PostgresServer server) {
        return create(server, DatabaseTls.DEFAULT);
    }

    /** As {@link #create(PostgresServer)}, migrated over connections secured by {@code tls}. */
    public static TestDatabase create(PostgresServer server, DatabaseTls tls) {
        String suffix = LocalDateTime.now().format(DateTimeFormatter.ofPattern("MMddHHmmss")) + "_" + randomHex(4);
        String database = PREFIX + suffix;
        DatabaseTarget target = new DatabaseTarget(
                server.uri(database),
                "atc_owner_" + suffix,
                randomHex(16),
                "atc_app_" + suffix,
                randomHex(16),
                "atc_retention_" + suffix,
                randomHex(16),
                tls);
        try (Connection admin = server.connectAsAdmin()) {
            DatabaseProvisioner.create(admin, database, target);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot create a test database on " + server.origin() + " Postgres " + server.host() + ":"
                            + server.port() + ": " + e.getMessage(),
                    e);
        }
        DatabaseMigrator.migrate(target);
        LOG.infof("test database %s on %s Postgres %s:%d", database, server.origin(), server.host(), server.port());
        return new TestDatabase(server, target, database);
    }

    public DatabaseTarget target() {
        return target;
    }

    public String name() {
        return database;
    }

    public PostgresServer server() {
        return server;
    }

    /** Connection options for the service role, as a service would connect. */
    public PgConnectOptions appConnectOptions() {
        return PgConnectOptions.fromUri(target.uri()).setUser(target.appUser()).setPassword(target.appPassword());
    }

    /** Connection options for the retention-service's role, the only one that may delete ingested history. */
    public PgConnectOptions retentionConnectOptions() {
        return PgConnectOptions.fromUri(target.uri())
                .setUser(target.retentionUser())
                .setPassword(target.retentionPassword());
    }

    public Connection connectAsRetention() throws SQLException {
        return DriverManager.getConnection(target.jdbcUrl(), target.retentionUser(), target.retentionPassword());
    }

    public Connection connectAsApp() throws SQLException {
        return DriverManager.getConnection(target.jdbcUrl(), target.appUser(), target.appPassword());
    }

    public Connection connectAsOwner() throws SQLException {
        return DriverManager.getConnection(target.jdbcUrl(), target.ownerUser(), target.ownerPassword());
    }

    public void drop() {
        try (Connection admin = server.connectAsAdmin()) {
            DatabaseProvisioner.drop(admin, database, target);
        } catch (SQLException e) {
            LOG.warnf("could not drop test database %s: %s", database, e.getMessage());
        }
    }

    private static String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
