package io.atc.launcher;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Map;

import io.atc.devservices.postgres.EmbeddedPostgresServer;
import io.atc.schema.DatabaseMigrator;
import io.atc.schema.DatabaseProvisioner;
import io.atc.schema.DatabaseTarget;
import io.atc.schema.DatabaseTargets;

/**
 * The database the platform runs on: the one ATC_DB_URL names (migrated as ATC_DB_OWNER_USER),
 * or, with no ATC_DB_URL, an embedded Postgres that lives as long as the run.
 */
final class PlatformDatabase implements AutoCloseable {

    private static final String EMBEDDED_DATABASE = "atc";

    private final DatabaseTarget target;
    private final String description;
    private final EmbeddedPostgresServer embedded;

    private PlatformDatabase(DatabaseTarget target, String description, EmbeddedPostgresServer embedded) {
        this.target = target;
        this.description = description;
        this.embedded = embedded;
    }

    static PlatformDatabase open(Map<String, String> env) {
        String url = env.get("ATC_DB_URL");
        PlatformDatabase database = url == null || url.isBlank() ? embedded() : external(env);
        DatabaseMigrator.migrate(database.target);
        return database;
    }

    private static PlatformDatabase external(Map<String, String> env) {
        DatabaseTarget target = DatabaseTargets.fromEnvironment(env);
        return new PlatformDatabase(target, target.uri(), null);
    }

    private static PlatformDatabase embedded() {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start();
        try {
            DatabaseTarget target = new DatabaseTarget(
                    server.uri(EMBEDDED_DATABASE),
                    DatabaseTargets.DEFAULT_OWNER,
                    randomSecret(),
                    DatabaseTargets.DEFAULT_APP,
                    randomSecret(),
                    DatabaseTargets.DEFAULT_RETENTION,
                    randomSecret());
            try (Connection admin = DriverManager.getConnection(server.jdbcUrl("postgres"), server.superuser(), "")) {
                DatabaseProvisioner.create(admin, EMBEDDED_DATABASE, target);
            }
            return new PlatformDatabase(
                    target, "embedded Postgres at " + target.uri() + " (discarded on stop)", server);
        } catch (SQLException | RuntimeException e) {
            server.close();
            throw new IllegalStateException("cannot prepare the embedded database: " + e.getMessage(), e);
        }
    }

    DatabaseTarget target() {
        return target;
    }

    String description() {
        return description;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
