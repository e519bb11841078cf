package io.atc.edge.broker;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A device's identity at the broker: one dynamic-security client and one role, both named
 * {@code d-<device id>} (the database's generated broker_username), whose only right is to publish
 * under the device's own topic prefix.
 */
public record DeviceIdentity(UUID tenantId, UUID siteId, UUID deviceId) {

    static final String PREFIX = "d-";

    public String username() {
        return usernameOf(deviceId);
    }

    String role() {
        return username();
    }

    /** {@code atc/<tenant>/<site>/<device>/#}: the one filter the device may publish under. */
    public String publishFilter() {
        return "atc/" + tenantId + "/" + siteId + "/" + deviceId + "/#";
    }

    List<DynsecCommands.Acl> acls() {
        return List.of(new DynsecCommands.Acl("publishClientSend", publishFilter(), true));
    }

    public static String usernameOf(UUID deviceId) {
        return PREFIX + deviceId;
    }

    /** The device id in a broker client or role name, if it is a device's ({@code d-<uuid>}). */
    static Optional<UUID> deviceIdOf(String name) {
        if (name == null || !name.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(name.substring(PREFIX.length()));
            return usernameOf(id).equals(name) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
