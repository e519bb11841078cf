package io.atc.console.audit;

import io.quarkus.qute.TemplateData;
import io.vertx.core.json.JsonObject;

/**
 * The API's verification report, as the page states it: intact through a seq (and from where), or the
 * first bad seq, its reason in words, and the API's detail.
 */
@TemplateData
public record Verification(
        boolean ok,
        String mode,
        long verifiedThroughSeq,
        Long firstBadSeq,
        String reason,
        String meaning,
        String detail,
        Long checkpointSeq,
        String covers,
        String signedAt,
        long eventsHashed) {

    static Verification from(JsonObject report) {
        JsonObject from = report.getJsonObject("from");
        String reason = report.getString("reason");
        return new Verification(
                report.getBoolean("ok", false),
                report.getString("mode"),
                report.getLong("verifiedThroughSeq", -1L),
                report.getLong("firstBadSeq"),
                reason,
                meaning(reason),
                report.getString("detail"),
                report.getLong("checkpointSeq"),
                from == null ? null : sentence(from.getString("covers")),
                from == null ? null : from.getString("signedAt"),
                report.getLong("eventsHashed", 0L));
    }

    private static String sentence(String text) {
        return text == null || text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** docs/audit.md's table of reasons, in words. */
    static String meaning(String reason) {
        if (reason == null) {
            return null;
        }
        return switch (reason) {
            case "gap" -> "an event is missing (deleted)";
            case "fork" -> "two events share a seq or a previous hash";
            case "broken-link" ->
                "the previous hash is not the previous event's hash (rows swapped, inserted or replaced)";
            case "hash-mismatch" ->
                "a hashed field (time, actor, action, target, payload hash, or the hash itself) was changed";
            case "payload-mismatch" -> "the payload no longer matches its commitment";
            case "tombstone-mismatch" -> "an erased event still holds a payload or salt";
            case "unauthorised-tombstone" -> "a payload was cleared without an erasure event naming it";
            case "rewound" -> "the trail is shorter than, or differs from, its newest signed checkpoint";
            case "truncated" -> "the head claims more events than exist";
            case "head-mismatch" -> "the head's hash is not the last event's";
            case "checkpoint-invalid" -> "the newest checkpoint's signature does not verify";
            default -> reason;
        };
    }
}
