package io.atc.edge.history;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonRawValue;

import io.vertx.mutiny.sqlclient.Row;

/** An event as a device sent it and the platform stored it (docs/edge.md, "Reading events and images"). */
@Schema(description = "An event a device published; its id is chosen by the device and unique per device")
public record EventView(
        @Schema(description = "The event's id, chosen by the device; unique per device")
        UUID eventId,

        @Schema(description = "The device that sent the event")
        UUID deviceId,

        @Schema(description = "The device's site") UUID siteId,

        @Schema(description = "The event's type, as the device named it", example = "vehicle.detected")
        String type,

        @Schema(description = "When the event occurred, by the device's clock (RFC 3339)")
        OffsetDateTime occurredAt,

        @Schema(description = "When the platform received it (RFC 3339)")
        OffsetDateTime receivedAt,

        @Schema(type = SchemaType.OBJECT, description = "the event's `data` object, as the device sent it")
        @JsonRawValue
        String body,

        @Schema(nullable = true, description = "the id of the device's image this event refers to")
        UUID imageId,

        @Schema(
                nullable = true,
                description = "where to read that image (`images:read`), when the event refers to one;"
                        + " the image may arrive after the event")
        String imageUrl) {

    static final String COLUMNS =
            "event_id, device_id, site_id, type, occurred_at, received_at, body::text as body," + " image_id";

    static EventView from(Row row) {
        UUID siteId = row.getUUID("site_id");
        UUID deviceId = row.getUUID("device_id");
        UUID imageId = row.getUUID("image_id");
        return new EventView(
                row.getUUID("event_id"),
                deviceId,
                siteId,
                row.getString("type"),
                row.getOffsetDateTime("occurred_at"),
                row.getOffsetDateTime("received_at"),
                row.getString("body"),
                imageId,
                imageId == null ? null : ImageResource.path(siteId, deviceId, imageId));
    }
}
