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
@Schema(description = "An edge device registered at a site", example = DeviceExamples.DEVICE)
public record Device(
        @Schema(description = "The device's id, chosen by the platform")
        UUID id,

        @Schema(description = "The site the device belongs to")
        UUID siteId,

        @Schema(description = "The device's name, as the tenant gave it", example = "Gate camera 1")
        String name,

        @Schema(
                description = "The username the device logs in with on the broker's password listener",
                example = "d-6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f")
        String mqttUsername,

        @Schema(description = "false while the device is disabled: its logins are refused")
        boolean enabled,

        @Schema(description = "The one topic the device publishes its events to")
        String eventsTopic,

        @Schema(description = "The one topic the device publishes its images to")
        String imagesTopic,

        @Schema(description = "When the device was registered (RFC 3339)")
        OffsetDateTime createdAt,

        @Schema(description = "When the device was last changed (RFC 3339)")
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
