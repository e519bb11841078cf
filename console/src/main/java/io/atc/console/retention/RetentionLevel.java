package io.atc.console.retention;

import io.quarkus.qute.TemplateData;
import io.vertx.core.json.JsonObject;

/** A level's retention as the API answers it (a site's, or the tenant's default): both kinds, and who set it when. */
@TemplateData
public record RetentionLevel(KindSetting events, KindSetting images, String updatedAt, String updatedBy) {

    static RetentionLevel from(JsonObject settings) {
        return new RetentionLevel(
                KindSetting.from(settings.getJsonObject("events")),
                KindSetting.from(settings.getJsonObject("images")),
                settings.getString("updatedAt"),
                settings.getString("updatedBy"));
    }
}
