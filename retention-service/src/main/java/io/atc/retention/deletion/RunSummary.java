package io.atc.retention.deletion;

import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** What a finished run deleted, as its row and its audit event record it. */
public record RunSummary(
        UUID tenantId,
        UUID runId,
        RunKind kind,
        UUID siteId,
        UUID deviceId,
        Instant eventsCutoff,
        Instant imagesCutoff,
        long eventsDeleted,
        long eventBytes,
        long imagesDeleted,
        long imageBytes,
        byte[] idsDigest) {

    public String idsDigestHex() {
        return HexFormat.of().formatHex(idsDigest);
    }

    public long rowsDeleted() {
        return eventsDeleted + imagesDeleted;
    }

    /** The audit payload that commits to it: counts, bytes, the digest of the deleted ids, the cutoffs. */
    public Map<String, Object> auditPayload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("runId", runId.toString());
        payload.put("eventsDeleted", eventsDeleted);
        payload.put("eventBytes", eventBytes);
        payload.put("imagesDeleted", imagesDeleted);
        payload.put("imageBytes", imageBytes);
        payload.put("idsDigest", idsDigestHex());
        if (eventsCutoff != null) {
            payload.put("eventsCutoff", eventsCutoff.toString());
        }
        if (imagesCutoff != null) {
            payload.put("imagesCutoff", imagesCutoff.toString());
        }
        return payload;
    }
}
