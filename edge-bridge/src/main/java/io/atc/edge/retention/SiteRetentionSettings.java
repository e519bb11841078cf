package io.atc.edge.retention;

import java.time.Instant;
import java.util.UUID;

import io.atc.core.retention.EffectiveRetention;
import io.atc.core.retention.RetentionDefaultsConfig;
import io.atc.edge.topics.SiteConfigTopic;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;

/**
 * A site's effective retention, as its appliances are told it on the site's settings topic
 * (docs/edge.md, "Retention settings topic"). The inheritance is {@link EffectiveRetention}'s.
 */
record SiteRetentionSettings(UUID tenantId, UUID siteId, EffectiveRetention events, EffectiveRetention images) {

    /** The payload's format; a change that breaks its readers gets a new number. */
    static final int FORMAT = 1;

    /**
     * From a row with {@code tenant_id, site_id, site_events_days, site_images_days,
     * tenant_events_days, tenant_images_days} (null: not set there).
     */
    static SiteRetentionSettings from(Row row, RetentionDefaultsConfig platform) {
        return new SiteRetentionSettings(
                row.getUUID("tenant_id"),
                row.getUUID("site_id"),
                EffectiveRetention.resolve(
                        row.getInteger("site_events_days"),
                        row.getInteger("tenant_events_days"),
                        platform.eventsDays()),
                EffectiveRetention.resolve(
                        row.getInteger("site_images_days"),
                        row.getInteger("tenant_images_days"),
                        platform.imagesDays()));
    }

    String topic() {
        return SiteConfigTopic.retention(tenantId, siteId).name();
    }

    Buffer payload(Instant publishedAt) {
        return new JsonObject()
                .put("format", FORMAT)
                .put("tenantId", tenantId.toString())
                .put("siteId", siteId.toString())
                .put("events", json(events))
                .put("images", json(images))
                .put("publishedAt", publishedAt.toString())
                .toBuffer();
    }

    private static JsonObject json(EffectiveRetention retention) {
        return new JsonObject()
                .put("days", retention.days())
                .put("source", retention.source().wireName());
    }
}
