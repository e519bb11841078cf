package io.atc.console.retention;

import java.util.List;

import io.quarkus.qute.TemplateData;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** What the next purge of a site would delete, as the preview API counted it at {@code at}. */
@TemplateData
public record Preview(
        String at,
        Expiring events,
        Expiring images,
        boolean siteHeld,
        List<String> siteHolds,
        List<String> heldDevices) {

    static Preview from(JsonObject preview) {
        return new Preview(
                preview.getString("at"),
                Expiring.from("Events", preview.getJsonObject("events")),
                Expiring.from("Images", preview.getJsonObject("images")),
                preview.getBoolean("siteHeld", false),
                strings(preview.getJsonArray("siteHolds")),
                strings(preview.getJsonArray("heldDevices")));
    }

    /** Events then images, for the preview's table. */
    public List<Expiring> kinds() {
        return List.of(events, images);
    }

    private static List<String> strings(JsonArray values) {
        return values == null ? List.of() : values.stream().map(String::valueOf).toList();
    }

    /** One kind's expiring rows: how many, how big, their span, and the cutoff the effective days give. */
    @TemplateData
    public record Expiring(
            String kind,
            Integer days,
            String source,
            String cutoff,
            long count,
            long bytes,
            String oldestReceivedAt,
            String newestReceivedAt) {

        static Expiring from(String kind, JsonObject rows) {
            JsonObject value = rows == null ? new JsonObject() : rows;
            return new Expiring(
                    kind,
                    value.getInteger("days"),
                    value.getString("source"),
                    value.getString("cutoff"),
                    value.getLong("count", 0L),
                    value.getLong("bytes", 0L),
                    value.getString("oldestReceivedAt"),
                    value.getString("newestReceivedAt"));
        }

        public String bytesShown() {
            return Sizes.bytes(bytes);
        }

        public String sourceLabel() {
            return new KindSetting(days, null, source).sourceLabel();
        }
    }
}
