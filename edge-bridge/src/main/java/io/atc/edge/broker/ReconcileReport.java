package io.atc.edge.broker;

import java.util.List;
import java.util.UUID;

/**
 * What a reconciliation changed at the broker. {@code passwordResetNeeded}: devices that got a new
 * client with a random password nobody knows; they cannot connect until their password is reset.
 * Certificate logins are removed for devices without a valid certificate (or disabled, or unknown)
 * and created for enabled devices with one. {@code clientIdsBound}: password clients that could log
 * in under another client id than their own, now bound to it (and disconnected).
 * {@code passwordLoginsRemoved}: password clients of devices whose tenant is certificate-only.
 * {@code roleAclsRepaired}: device roles whose ACLs were set back to exactly their device's.
 */
public record ReconcileReport(
        int devicesChecked,
        int clientsRemoved,
        int rolesRemoved,
        int rolesRestored,
        int clientsEnabled,
        int clientsDisabled,
        int clientIdsBound,
        List<UUID> passwordResetNeeded,
        int certificateLoginsRemoved,
        int certificateLoginsCreated,
        int passwordLoginsRemoved,
        int roleAclsRepaired) {

    public boolean changedAnything() {
        return clientsRemoved
                        + rolesRemoved
                        + rolesRestored
                        + clientsEnabled
                        + clientsDisabled
                        + clientIdsBound
                        + passwordResetNeeded.size()
                        + certificateLoginsRemoved
                        + certificateLoginsCreated
                        + passwordLoginsRemoved
                        + roleAclsRepaired
                > 0;
    }
}
