package io.atc.edge.support;

import java.util.UUID;

import io.atc.edge.broker.DeviceIdentity;
import io.atc.edge.topics.DeviceTopic;

/** A device registered through the API, with the password the API showed once. */
public record RegisteredDevice(UUID tenantId, UUID siteId, UUID id, String username, String password) {

    /** The device's {@code events} or {@code images} topic, or with {@code #} the filter of all its topics. */
    public String topic(String leaf) {
        return topic(tenantId, siteId, id, leaf);
    }

    /** A device topic from its parts, also one that names another tenant or site than the device's. */
    public static String topic(UUID tenantId, UUID siteId, UUID deviceId, String leaf) {
        if (leaf.equals("#")) {
            return DeviceTopic.deviceFilter(tenantId, siteId, deviceId);
        }
        return new DeviceTopic(
                        tenantId,
                        siteId,
                        deviceId,
                        DeviceTopic.Kind.ofLevel(leaf).orElseThrow())
                .name();
    }

    /** The username the broker gives this device's certificates on the TLS listener. */
    public String certificateUsername() {
        return new DeviceIdentity(tenantId, siteId, id).certificateUsername();
    }

    public RegisteredDevice withPassword(String newPassword) {
        return new RegisteredDevice(tenantId, siteId, id, username, newPassword);
    }
}
