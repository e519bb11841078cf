package io.atc.edge.ingest;

import java.util.UUID;

/** Where a device's data lands, from its registration (edge.device_directory()), never from a topic. */
public record DeviceRoute(UUID deviceId, UUID tenantId, UUID siteId, boolean enabled) {
}
