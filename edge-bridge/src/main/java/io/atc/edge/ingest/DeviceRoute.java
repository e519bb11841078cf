package io.atc.edge.ingest;

import java.util.UUID;

import io.atc.edge.topics.DeviceTopic;

/** Where a device's data lands, from its registration (edge.device_directory()), never from a topic. */
public record DeviceRoute(UUID deviceId, UUID tenantId, UUID siteId, boolean enabled) {

    /** Whether a topic the device published to names the tenant and site it is registered at. */
    boolean registeredFor(DeviceTopic topic) {
        return topic.isUnder(tenantId, siteId);
    }
}
