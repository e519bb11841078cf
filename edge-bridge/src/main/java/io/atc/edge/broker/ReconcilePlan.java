package io.atc.edge.broker;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What must change at the broker so that its device clients match the database: the database is
 * the truth. Clients and roles of devices the database does not have are removed; devices without
 * a client get one; a device's client without its role gets the role back; each client's enabled
 * state follows its device; a client not bound to its device's own client id is bound to it (a
 * client made before the binding existed, or changed by hand, could claim any session).
 * Certificate logins exist for exactly the enabled devices with a valid certificate: others are
 * removed, missing ones created. A device whose tenant is certificate-only has no password client:
 * one found (made before the switch, or by hand) is removed, none is created; its role is kept for
 * its certificate login. A device role whose ACLs are not exactly its device's gets exactly those.
 */
record ReconcilePlan(
        List<String> clientsToRemove,
        List<String> rolesToRemove,
        List<RegisteredDevice> clientsToCreate,
        List<RegisteredDevice> rolesToRestore,
        List<String> clientsToEnable,
        List<String> clientsToDisable,
        List<DeviceIdentity> clientIdsToBind,
        List<String> certificateClientsToRemove,
        List<DeviceIdentity> certificateClientsToCreate,
        List<String> passwordClientsToRemove,
        List<RoleAclRepair> roleAclsToRepair) {

    /**
     * A device role whose ACLs differ from what the device should have (made by an older bridge,
     * before devices could read their site's settings topic, or changed by hand): the extra ACLs go,
     * the missing ones come.
     */
    record RoleAclRepair(DeviceIdentity device, List<DynsecCommands.Acl> extra, List<DynsecCommands.Acl> missing) {}

    /** A device's password client as the broker lists it: its disabled flag and the client id it is bound to, if any. */
    record PasswordClient(boolean disabled, String clientId) {}

    /**
     * A device as the database lists it: its directory entry, whether it holds a valid certificate,
     * and whether its tenant allows password logins (not certificate-only).
     */
    record RegisteredDevice(DeviceIdentity identity, boolean enabled, boolean certified, boolean passwordLogin) {

        boolean needsCertificateLogin() {
            return enabled && certified;
        }
    }

    /**
     * @param clients            the broker's device password clients, by device id
     * @param roles              the ACLs of each device role at the broker, by device id
     * @param certificateClients the broker's clients named like a device's certificate login
     */
    static ReconcilePlan between(
            Map<UUID, PasswordClient> clients,
            Map<UUID, Set<DynsecCommands.Acl>> roles,
            Set<String> certificateClients,
            Collection<RegisteredDevice> devices) {
        Map<UUID, RegisteredDevice> registered = devices.stream()
                .collect(Collectors.toMap(device -> device.identity().deviceId(), Function.identity()));
        List<String> clientsToRemove = new ArrayList<>();
        List<String> rolesToRemove = new ArrayList<>();
        List<RegisteredDevice> clientsToCreate = new ArrayList<>();
        List<RegisteredDevice> rolesToRestore = new ArrayList<>();
        List<String> clientsToEnable = new ArrayList<>();
        List<String> clientsToDisable = new ArrayList<>();
        List<DeviceIdentity> clientIdsToBind = new ArrayList<>();
        List<DeviceIdentity> certificateClientsToCreate = new ArrayList<>();
        List<String> passwordClientsToRemove = new ArrayList<>();
        List<RoleAclRepair> roleAclsToRepair = new ArrayList<>();
        clients.keySet().stream()
                .filter(id -> !registered.containsKey(id))
                .sorted()
                .forEach(id -> clientsToRemove.add(DeviceIdentity.usernameOf(id)));
        roles.keySet().stream()
                .filter(id -> !registered.containsKey(id))
                .sorted()
                .forEach(id -> rolesToRemove.add(DeviceIdentity.usernameOf(id)));
        registered.values().stream()
                .sorted((a, b) -> a.identity().deviceId().compareTo(b.identity().deviceId()))
                .forEach(device -> {
                    if (device.needsCertificateLogin()
                            && !certificateClients.contains(device.identity().certificateUsername())) {
                        certificateClientsToCreate.add(device.identity());
                    }
                    Set<DynsecCommands.Acl> present =
                            roles.get(device.identity().deviceId());
                    if (present != null) {
                        repairOf(device.identity(), present).ifPresent(roleAclsToRepair::add);
                    }
                    PasswordClient client = clients.get(device.identity().deviceId());
                    if (!device.passwordLogin()) {
                        if (client != null) {
                            passwordClientsToRemove.add(device.identity().username());
                        }
                        if (present == null) {
                            rolesToRestore.add(device);
                        }
                        return;
                    }
                    if (client == null) {
                        clientsToCreate.add(device);
                        return;
                    }
                    if (present == null) {
                        rolesToRestore.add(device);
                    }
                    if (client.disabled() && device.enabled()) {
                        clientsToEnable.add(device.identity().username());
                    } else if (!client.disabled() && !device.enabled()) {
                        clientsToDisable.add(device.identity().username());
                    }
                    if (!device.identity().clientId().equals(client.clientId())) {
                        clientIdsToBind.add(device.identity());
                    }
                });
        Set<String> certificateLogins = registered.values().stream()
                .filter(RegisteredDevice::needsCertificateLogin)
                .map(device -> device.identity().certificateUsername())
                .collect(Collectors.toSet());
        List<String> certificateClientsToRemove = certificateClients.stream()
                .filter(name -> !certificateLogins.contains(name))
                .sorted()
                .toList();
        return new ReconcilePlan(
                clientsToRemove,
                rolesToRemove,
                clientsToCreate,
                rolesToRestore,
                clientsToEnable,
                clientsToDisable,
                clientIdsToBind,
                certificateClientsToRemove,
                certificateClientsToCreate,
                passwordClientsToRemove,
                roleAclsToRepair);
    }

    private static Optional<RoleAclRepair> repairOf(DeviceIdentity device, Set<DynsecCommands.Acl> present) {
        List<DynsecCommands.Acl> wanted = device.acls();
        List<DynsecCommands.Acl> extra =
                present.stream().filter(acl -> !wanted.contains(acl)).toList();
        List<DynsecCommands.Acl> missing =
                wanted.stream().filter(acl -> !present.contains(acl)).toList();
        return extra.isEmpty() && missing.isEmpty()
                ? Optional.empty()
                : Optional.of(new RoleAclRepair(device, extra, missing));
    }

    boolean nothingToDo() {
        return clientsToRemove.isEmpty()
                && rolesToRemove.isEmpty()
                && clientsToCreate.isEmpty()
                && rolesToRestore.isEmpty()
                && clientsToEnable.isEmpty()
                && clientsToDisable.isEmpty()
                && clientIdsToBind.isEmpty()
                && certificateClientsToRemove.isEmpty()
                && certificateClientsToCreate.isEmpty()
                && passwordClientsToRemove.isEmpty()
                && roleAclsToRepair.isEmpty();
    }
}
