package io.atc.console.retention;

import io.atc.console.web.Dates;
import io.quarkus.qute.TemplateData;
import io.vertx.core.json.JsonObject;

/**
 * The place-a-hold form: what to hold (a site or a device, by id), why, and optionally the day it ends
 * (at the end of that day, UTC). Kept as typed for a refused form; the API checks every value.
 */
@TemplateData
public record HoldForm(String target, String id, String reason, String endsOn) {

    static final HoldForm EMPTY = new HoldForm("site", "", "", "");

    static HoldForm onSite(String siteId) {
        return new HoldForm("site", siteId == null ? "" : siteId, "", "");
    }

    static HoldForm typed(String target, String id, String reason, String endsOn) {
        return new HoldForm(
                "device".equals(target) ? "device" : "site",
                id == null ? "" : id.strip(),
                reason == null ? "" : reason,
                endsOn == null ? "" : endsOn.strip());
    }

    JsonObject draft() {
        JsonObject draft = new JsonObject()
                .put("siteId", onDevice() || id.isEmpty() ? null : id)
                .put("deviceId", onDevice() && !id.isEmpty() ? id : null)
                .put("reason", reason);
        if (!endsOn.isEmpty()) {
            draft.put("endsAt", Dates.endOfDayUtc(endsOn));
        }
        return draft;
    }

    public boolean onDevice() {
        return "device".equals(target);
    }
}
