package io.atc.keys.apikeys;

import java.util.UUID;

import io.atc.core.tenancy.TenantSql;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Tells every gateway replica that a key changed (revoked, rotated, expiry moved), through
 * Postgres NOTIFY in the same transaction: it is delivered when, and only when, the change commits.
 */
final class KeyChangeNotifier {

    static final String CHANNEL = "atc_key_changes";

    private KeyChangeNotifier() {}

    static Uni<Void> notify(TenantSql sql, UUID keyId, String prefix, String change) {
        String payload = new JsonObject()
                .put("tenant", sql.tenantId().toString())
                .put("keyId", keyId.toString())
                .put("prefix", prefix)
                .put("change", change)
                .encode();
        return sql.execute("select pg_notify($1, $2)", Tuple.of(CHANNEL, payload))
                .replaceWithVoid();
    }
}
