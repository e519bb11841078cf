package io.atc.edge.sites;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.vertx.mutiny.sqlclient.Row;

/** A customer location where edge appliances are installed. */
public record Site(UUID id, String name, OffsetDateTime createdAt) {

    static Site from(Row row) {
        return new Site(row.getUUID("site_id"), row.getString("name"), row.getOffsetDateTime("created_at"));
    }
}
