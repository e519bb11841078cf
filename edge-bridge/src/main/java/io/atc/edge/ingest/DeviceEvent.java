package io.atc.edge.ingest;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One valid event as a device sent it (docs/edge.md, "Event schema").
 *
 * @param dataJson     the {@code data} object, re-encoded as JSON text
 * @param imageId      the image this event refers to, or null
 * @param payloadBytes the size of the MQTT payload, counted in the site's storage
 */
public record DeviceEvent(
        UUID eventId, OffsetDateTime occurredAt, String type, String dataJson, UUID imageId, int payloadBytes) {}
