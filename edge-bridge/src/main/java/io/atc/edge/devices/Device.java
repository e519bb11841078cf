package io.atc.edge.devices;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.atc.edge.topics.DeviceTopic;
import io.vertx.mutiny.sqlclient.Row;

/**
 * An edge appliance registered at a site. It logs in to the broker as {@code mqttUsername} and may
 * publish only to its own {@code eventsTopic} and {@code imagesTopic}.
 */
@Schema(example = """
        {"id": "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f", "siteId": "0b6f5d3e-8c1a-4f2b-9d7e-2a4c6e8f0b1d", "name": "Gate camera 1", "mqttUsername": "d-6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f", "enabled": true, "eventsTopic": "atc/<tenant>/0b6f5d3e-8c1a-4f2b-9d7e-2a4c6e8f0b1d/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f/events", "imagesTopic": "atc/<tenant>/0b6f5d3e-8c1a-4f2b-9d7e-2a4c6e8f0b1d/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f/images", "createdAt": "2026-11-29T07:00:00Z", "updatedAt": "2026-11-29T07:00:00Z"}""")
public record Device(
        UUID id,
        UUID siteId,
        String name,
        String mqttUsername,
        boolean enabled,
        String eventsTopic,
        String imagesTopic,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static final String COLUMNS =
            "tenant_id, site_id, device_id, name, broker_username, enabled, created_at, updated_at";

    static Device from(Row row) {
        UUID tenantId = row.getUUID("tenant_id");
        UUID siteId = row.getUUID("site_id");
        UUID deviceId = row.getUUID("device_id");
        return new Device(
                deviceId,
                siteId,
                row.getString("name"),
                row.getString("broker_username"),
                row.getBoolean("enabled"),
                DeviceTopic.events(tenantId, siteId, deviceId).name(),
                DeviceTopic.images(tenantId, siteId, deviceId).name(),
                row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("updated_at"));
    }
}
