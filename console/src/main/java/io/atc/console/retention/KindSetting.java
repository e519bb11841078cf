package io.atc.console.retention;

import io.quarkus.qute.TemplateData;
import io.vertx.core.json.JsonObject;

/** One kind's retention (events or images) at one level: the effective days, where set, and this level's own value. */
@TemplateData
public record KindSetting(Integer days, Integer own, String source) {

    static KindSetting from(JsonObject kind) {
        JsonObject value = kind == null ? new JsonObject() : kind;
        return new KindSetting(value.getInteger("days"), value.getInteger("own"), value.getString("source"));
    }

    /** Where the effective value comes from, in words. */
    public String sourceLabel() {
        if (source == null) {
            return "";
        }
        return switch (source) {
            case "site" -> "set on this site";
            case "tenant" -> "the tenant's default";
            case "platform" -> "the platform's default";
            default -> source;
        };
    }

    public boolean inherited(String level) {
        return !level.equals(source);
    }
}
