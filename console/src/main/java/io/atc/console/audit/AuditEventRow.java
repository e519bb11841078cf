package io.atc.console.audit;

import io.quarkus.qute.TemplateData;
import io.vertx.core.json.JsonObject;

/**
 * One audit event as the API answered it. The payload is kept as indented JSON text: the template
 * escapes it like any other text, so whatever a payload holds is shown, never interpreted.
 */
@TemplateData
public record AuditEventRow(
        long seq,
        int version,
        String occurredAt,
        String actor,
        String action,
        String target,
        String hash,
        String prevHash,
        String payload,
        String payloadSalt,
        String payloadHash,
        String tombstonedAt) {

    static AuditEventRow from(JsonObject event) {
        JsonObject payload = event.getJsonObject("payload");
        return new AuditEventRow(
                event.getLong("seq", -1L),
                event.getInteger("version", 0),
                event.getString("occurredAt"),
                event.getString("actor"),
                event.getString("action"),
                event.getString("target"),
                event.getString("hash"),
                event.getString("prevHash"),
                payload == null ? null : payload.encodePrettily(),
                event.getString("payloadSalt"),
                event.getString("payloadHash"),
                event.getString("tombstonedAt"));
    }

    public long previousSeq() {
        return seq - 1;
    }

    public long nextSeq() {
        return seq + 1;
    }

    public boolean erased() {
        return tombstonedAt != null;
    }
}
