package io.atc.console.retention;

import io.quarkus.qute.TemplateData;
import io.vertx.core.json.JsonObject;

/** One legal hold as the holds API answers it. */
@TemplateData
public record HoldRow(
        String holdId,
        String siteId,
        String deviceId,
        String reason,
        String endsAt,
        String setAt,
        String setBy,
        String releasedAt,
        String releasedBy,
        boolean active) {

    static HoldRow from(JsonObject hold) {
        return new HoldRow(
                hold.getString("holdId"),
                hold.getString("siteId"),
                hold.getString("deviceId"),
                hold.getString("reason"),
                hold.getString("endsAt"),
                hold.getString("setAt"),
                hold.getString("setBy"),
                hold.getString("releasedAt"),
                hold.getString("releasedBy"),
                hold.getBoolean("active", false));
    }

    /** "released", "ended" or "active", for the status column. */
    public String state() {
        if (releasedAt != null) {
            return "released";
        }
        return active ? "active" : "ended";
    }
}
