package io.atc.console.keys;

import java.util.List;

import io.quarkus.qute.TemplateData;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** One key as the keys page shows it: everything the keys API lists, never a secret (it has none). */
@TemplateData
public record KeyRow(
        String id,
        String prefix,
        String name,
        List<String> scopes,
        List<String> allowedCidrs,
        List<String> allowedOrigins,
        String status,
        String createdAt,
        String expiresAt,
        String revokedAt,
        String lastUsedAt,
        String lastUsedFrom,
        boolean unused) {

    static KeyRow from(JsonObject key) {
        return new KeyRow(
                key.getString("id"),
                key.getString("prefix"),
                key.getString("name"),
                strings(key.getJsonArray("scopes")),
                strings(key.getJsonArray("allowedCidrs")),
                strings(key.getJsonArray("allowedOrigins")),
                key.getString("status"),
                key.getString("createdAt"),
                key.getString("expiresAt"),
                key.getString("revokedAt"),
                key.getString("lastUsedAt"),
                key.getString("lastUsedFrom"),
                key.getBoolean("unused", false));
    }

    public boolean active() {
        return "active".equals(status);
    }

    private static List<String> strings(JsonArray values) {
        return values == null ? List.of() : values.stream().map(String::valueOf).toList();
    }
}
