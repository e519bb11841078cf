package io.atc.console.sites;

import io.quarkus.qute.TemplateData;
import io.vertx.core.json.JsonObject;

/** One site as the sites API answers it. */
@TemplateData
public record SiteRow(String id, String name, String createdAt) {

    static SiteRow from(JsonObject site) {
        return new SiteRow(site.getString("id"), site.getString("name"), site.getString("createdAt"));
    }
}
