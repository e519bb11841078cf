package io.atc.edge.sites;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.vertx.mutiny.sqlclient.Row;

/** A customer location where edge appliances are installed. */
@Schema(description = "A customer location where edge devices are installed")
public record Site(
        @Schema(description = "The site's id, chosen by the platform", example = "0b6f5d3e-8c1a-4f2b-9d7e-2a4c6e8f0b1d")
        UUID id,

        @Schema(description = "The site's name, as the tenant gave it", example = "Rotterdam depot")
        String name,

        @Schema(description = "When the site was created (RFC 3339)", example = "2026-11-29T07:00:00Z")
        OffsetDateTime createdAt) {

    static Site from(Row row) {
        return new Site(row.getUUID("site_id"), row.getString("name"), row.getOffsetDateTime("created_at"));
    }
}
