package io.atc.edge.support;

import java.util.UUID;

/** A device registered through the API, with the password the API showed once. */
public record RegisteredDevice(UUID tenantId, UUID siteId, UUID id, String username, String password) {

    public String topic(String leaf) {
        return "atc/" + tenantId + "/" + siteId + "/" + id + "/" + leaf;
    }

    public RegisteredDevice withPassword(String newPassword) {
        return new RegisteredDevice(tenantId, siteId, id, username, newPassword);
    }
}
