package io.atc.edge.broker;

import java.util.List;
import java.util.UUID;

/**
 * What a reconciliation changed at the broker. {@code passwordResetNeeded}: devices that got a new
 * client with a random password nobody knows; they cannot connect until their password is reset.
 */
public record ReconcileReport(int devicesChecked, int clientsRemoved, int rolesRemoved, int rolesRestored,
        int clientsEnabled, int clientsDisabled, List<UUID> passwordResetNeeded) {

    public boolean changedAnything() {
        return clientsRemoved + rolesRemoved + rolesRestored + clientsEnabled + clientsDisabled
                + passwordResetNeeded.size() > 0;
    }
}
