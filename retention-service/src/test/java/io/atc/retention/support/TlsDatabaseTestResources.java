package io.atc.retention.support;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.atc.schema.DatabaseTls;
import io.atc.testkit.postgres.TestDatabase;
import io.atc.testkit.postgres.TlsPostgres;
import io.atc.testkit.quarkus.RetentionServiceTestResources;

/**
 * As {@link RetentionServiceTestResources}, on a database of its own on a Postgres that offers TLS
 * ({@link TlsPostgres}), reached as production does: {@code ATC_DB_SSL_MODE=verify-full} with the CA
 * that issued the server's certificate.
 */
public class TlsDatabaseTestResources extends RetentionServiceTestResources {

    private static volatile TlsPostgres server;
    private static volatile TestDatabase database;

    @Override
    public Map<String, String> start() {
        server = TlsPostgres.start();
        database = TestDatabase.create(
                server.server(),
                new DatabaseTls("verify-full", Optional.of(server.caFile().toString())));
        Map<String, String> config = new HashMap<>(super.start());
        config.put("atc.db.url", server.uri(database.name()));
        config.put("atc.db.app-user", database.target().retentionUser());
        config.put("atc.db.app-password", database.target().retentionPassword());
        config.put("atc.db.ssl-mode", "verify-full");
        config.put("atc.db.ssl-root-cert", server.caFile().toString());
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }

    public static TestDatabase database() {
        return database;
    }
}
