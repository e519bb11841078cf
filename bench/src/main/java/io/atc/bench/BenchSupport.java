package io.atc.bench;

import java.util.HashMap;
import java.util.Map;

import io.atc.testkit.postgres.PostgresServer;
import io.atc.testkit.postgres.TestDatabase;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.PoolOptions;

/** Shared plumbing for the benchmark mains: {@code --name value} options, the server, service-role pools. */
final class BenchSupport {

    private BenchSupport() {}

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got: " + String.join(" ", args));
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    static int intOption(Map<String, String> options, String name, int fallback) {
        String value = options.get(name);
        return value == null ? fallback : Integer.parseInt(value);
    }

    /** The local Postgres the harness administers: --pg-host / --pg-port, superuser postgres, trust auth. */
    static PostgresServer server(Map<String, String> options) {
        return new PostgresServer(
                options.getOrDefault("pg-host", "127.0.0.1"),
                intOption(options, "pg-port", 5432),
                options.getOrDefault("pg-admin", "postgres"),
                "",
                "postgres",
                "local-service");
    }

    /** A reactive pool connected as the service role, the way a service connects (cf. AppRolePools in platform-core tests). */
    static Pool appPool(Vertx vertx, TestDatabase database, int size) {
        return appPool(vertx, database, size, true);
    }

    /**
     * As {@link #appPool(Vertx, TestDatabase, int)}; {@code cacheStatements} is the services' default
     * (quarkus.datasource.reactive.cache-prepared-statements=true in platform-core): each connection
     * parses and plans a statement once instead of on every execution.
     */
    static Pool appPool(Vertx vertx, TestDatabase database, int size, boolean cacheStatements) {
        return Pool.newInstance(PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(size))
                .connectingTo(database.appConnectOptions().setCachePreparedStatements(cacheStatements))
                .using(vertx.getDelegate())
                .build());
    }

    /**
     * A fresh migrated database, dropped by {@code drop()} of the returned handle or, if the JVM is
     * stopped first (Ctrl-C, the script's timeout), by a shutdown hook.
     */
    static Scratch scratchDatabase(Map<String, String> options) {
        TestDatabase database = TestDatabase.create(server(options));
        Scratch scratch = new Scratch(database, "true".equals(options.get("keep-database")));
        Runtime.getRuntime().addShutdownHook(new Thread(scratch::drop, "bench-database-drop"));
        return scratch;
    }

    static final class Scratch {
        final TestDatabase database;
        private final boolean keep;
        private final java.util.concurrent.atomic.AtomicBoolean dropped =
                new java.util.concurrent.atomic.AtomicBoolean();

        Scratch(TestDatabase database, boolean keep) {
            this.database = database;
            this.keep = keep;
        }

        void drop() {
            if (dropped.compareAndSet(false, true)) {
                if (keep) {
                    System.out.println("  kept database " + database.name() + " (drop it and its roles yourself)");
                } else {
                    database.drop();
                }
            }
        }
    }

    static String serverSettings(TestDatabase database) {
        try (var connection = database.connectAsOwner();
                var statement = connection.createStatement()) {
            StringBuilder settings = new StringBuilder();
            for (String name : new String[] {
                "server_version", "fsync", "synchronous_commit", "wal_sync_method", "shared_buffers", "max_wal_size"
            }) {
                try (var rows = statement.executeQuery("show " + name)) {
                    rows.next();
                    settings.append(settings.length() == 0 ? "" : ", ")
                            .append(name)
                            .append('=')
                            .append(rows.getString(1));
                }
            }
            return settings.toString();
        } catch (java.sql.SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
