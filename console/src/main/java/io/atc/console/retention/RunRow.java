package io.atc.console.retention;

import io.quarkus.qute.TemplateData;
import io.vertx.core.json.JsonObject;

/** One purge or erasure run as the runs API answers it. */
@TemplateData
public record RunRow(
        String runId,
        String kind,
        String status,
        String siteId,
        String deviceId,
        String requestedBy,
        String reason,
        String startedAt,
        String finishedAt,
        String eventsCutoff,
        String imagesCutoff,
        long eventsDeleted,
        long eventBytes,
        long imagesDeleted,
        long imageBytes,
        String idsDigest,
        Long auditSeq) {

    static RunRow from(JsonObject run) {
        return new RunRow(
                run.getString("runId"),
                run.getString("kind"),
                run.getString("status"),
                run.getString("siteId"),
                run.getString("deviceId"),
                run.getString("requestedBy"),
                run.getString("reason"),
                run.getString("startedAt"),
                run.getString("finishedAt"),
                run.getString("eventsCutoff"),
                run.getString("imagesCutoff"),
                run.getLong("eventsDeleted", 0L),
                run.getLong("eventBytes", 0L),
                run.getLong("imagesDeleted", 0L),
                run.getLong("imageBytes", 0L),
                run.getString("idsDigest"),
                run.getLong("auditSeq"));
    }

    public String eventBytesShown() {
        return Sizes.bytes(eventBytes);
    }

    public String imageBytesShown() {
        return Sizes.bytes(imageBytes);
    }
}
