package io.atc.gateway.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import io.atc.testkit.postgres.TestDatabase;
import io.vertx.core.json.JsonObject;

/** Sends on atc_key_changes as the keys-service does: pg_notify inside a transaction, delivered at commit. */
final class Notifications {

    private Notifications() {}

    /** The payload exactly as keys-service's KeyChangeNotifier builds it. */
    static String payload(UUID tenant, UUID keyId, String prefix, String change) {
        return new JsonObject()
                .put("tenant", tenant.toString())
                .put("keyId", keyId.toString())
                .put("prefix", prefix)
                .put("change", change)
                .encode();
    }

    /** Commits a transaction that notifies; returns System.nanoTime() taken just before the commit. */
    static long commitNotification(String payload) throws SQLException {
        try (Connection connection = TestDatabase.shared().connectAsApp()) {
            connection.setAutoCommit(false);
            try (PreparedStatement notify = connection.prepareStatement("select pg_notify('atc_key_changes', ?)")) {
                notify.setString(1, payload);
                notify.execute();
            }
            long beforeCommit = System.nanoTime();
            connection.commit();
            return beforeCommit;
        }
    }
}
