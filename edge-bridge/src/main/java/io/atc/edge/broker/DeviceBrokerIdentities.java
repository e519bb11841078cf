package io.atc.edge.broker;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

/**
 * Devices' clients (password and certificate logins) and roles at the broker. Each method is one
 * command message, so the broker applies its commands together; each fails with a
 * {@link BrokerException} when the broker did not confirm the change. Removing what is already
 * gone, or disabling a client the broker does not have, counts as done (the reconciler creates
 * missing clients).
 */
@ApplicationScoped
public class DeviceBrokerIdentities {

    /** As the reconciler: a bounded number of commands per message. */
    private static final int COMMANDS_PER_MESSAGE = 100;

    private final DynamicSecurityClient broker;

    public DeviceBrokerIdentities(DynamicSecurityClient broker) {
        this.broker = broker;
    }

    /** A new device: its role, then its client in that role, bound to its own client id. */
    public Uni<Void> provision(DeviceIdentity device, String password) {
        return confirmed(
                List.of(DynsecCommands.createRole(device.role(), device.acls()), device.createPasswordClient(password)),
                Set.of());
    }

    /**
     * A new device of a certificate-only tenant: its role alone, for the certificate login it gets
     * with its first certificate. No password client, so no password login.
     */
    public Uni<Void> provisionWithoutPassword(DeviceIdentity device) {
        return confirmed(List.of(DynsecCommands.createRole(device.role(), device.acls())), Set.of());
    }

    /**
     * Deletes the password clients of these devices (a tenant switched to certificate-only): the
     * broker drops every password session at once and keeps no password hash, so switching back can
     * never bring an old password back. Certificate logins are untouched.
     */
    public Uni<Void> removePasswordLogins(List<DeviceIdentity> devices) {
        List<JsonObject> commands = devices.stream()
                .map(device -> DynsecCommands.deleteClient(device.username()))
                .toList();
        return inMessages(commands, Set.of(DynsecResponse.CLIENT_NOT_FOUND), 0);
    }

    /**
     * Gives these devices (a tenant switched back to passwords) a password client again, with a
     * random password that is never stored or shown: a device logs in with a password only after
     * its password is reset through the API. A client that exists already (made by hand since)
     * is replaced, so no password set before the switch works again.
     */
    public Uni<Void> restorePasswordClientsNobodyCanUse(List<DeviceIdentity> enabled, List<DeviceIdentity> disabled) {
        List<JsonObject> commands = new ArrayList<>();
        enabled.forEach(device -> commands.addAll(replacePasswordClient(device)));
        disabled.forEach(device -> {
            commands.addAll(replacePasswordClient(device));
            commands.add(DynsecCommands.disableClient(device.username()));
        });
        return inMessages(commands, Set.of(DynsecResponse.ROLE_EXISTS, DynsecResponse.CLIENT_NOT_FOUND), 0);
    }

    private static List<JsonObject> replacePasswordClient(DeviceIdentity device) {
        return List.of(
                DynsecCommands.createRole(device.role(), device.acls()),
                DynsecCommands.deleteClient(device.username()),
                device.createPasswordClient(MqttPasswords.generate()));
    }

    /** Sets a new password (disconnecting the device); recreates the client if the broker lost it. */
    public Uni<Void> setPassword(DeviceIdentity device, String password, boolean enabled) {
        return broker.send(List.of(DynsecCommands.setClientPassword(device.username(), password)))
                .flatMap(responses -> {
                    DynsecResponse response = responses.get(0);
                    if (response.failedWith(DynsecResponse.CLIENT_NOT_FOUND)) {
                        return recreate(device, password, enabled);
                    }
                    response.requireOk();
                    return Uni.createFrom().voidItem();
                });
    }

    /**
     * Stops the device: the broker disconnects it and refuses its password logins, and its
     * certificate login is deleted (disabling a client does not stop certificate logins).
     */
    public Uni<Void> disable(DeviceIdentity device) {
        return confirmed(
                List.of(
                        DynsecCommands.disableClient(device.username()),
                        DynsecCommands.deleteClient(device.certificateUsername())),
                Set.of(DynsecResponse.CLIENT_NOT_FOUND));
    }

    /** Lets the device log in again: with its password, and with its certificate if it has a valid one. */
    public Uni<Void> enable(DeviceIdentity device, boolean certified) {
        Uni<Void> enabled = tolerating(DynsecCommands.enableClient(device.username()), DynsecResponse.CLIENT_NOT_FOUND);
        return certified ? enabled.flatMap(done -> grantCertificateLogin(device)) : enabled;
    }

    /**
     * Deletes the device's clients (disconnecting it), then its role. Two messages on purpose: the
     * plugin runs every command of a message even when an earlier one fails, and Mosquitto 2.0's
     * plugin deletes a role that a client still holds without detaching it (the client keeps a
     * dangling reference, which can crash the broker), so the role goes only once both clients
     * holding it have.
     */
    public Uni<Void> remove(DeviceIdentity device) {
        return confirmed(
                        List.of(
                                DynsecCommands.deleteClient(device.username()),
                                DynsecCommands.deleteClient(device.certificateUsername())),
                        Set.of(DynsecResponse.CLIENT_NOT_FOUND))
                .flatMap(clientsGone ->
                        tolerating(DynsecCommands.deleteRole(device.role()), DynsecResponse.ROLE_NOT_FOUND));
    }

    /**
     * Lets the device's certificates log in on the mTLS listener: a client named by their subject,
     * without a password, in the device's role, so a certified device has exactly the rights of its
     * password client. A client of that name that exists already is put back in that role alone.
     */
    public Uni<Void> grantCertificateLogin(DeviceIdentity device) {
        String username = device.certificateUsername();
        return broker.send(List.of(DynsecCommands.createClientWithoutPassword(username, device.role())))
                .flatMap(responses -> {
                    if (responses.get(0).failedWith(DynsecResponse.CLIENT_EXISTS)) {
                        return confirmed(List.of(DynsecCommands.setClientRoles(username, device.role())), Set.of());
                    }
                    responses.get(0).requireOk();
                    return Uni.createFrom().voidItem();
                });
    }

    /**
     * Drops every session of the device's certificate login and keeps the login: after a rotation
     * the new certificate has the same subject, and the old one is stopped by the CRL.
     */
    public Uni<Void> dropCertificateSessions(DeviceIdentity device) {
        String username = device.certificateUsername();
        return confirmed(
                List.of(DynsecCommands.disableClient(username), DynsecCommands.enableClient(username)),
                Set.of(DynsecResponse.CLIENT_NOT_FOUND));
    }

    /**
     * Deletes the device's certificate login, dropping its sessions. The plugin's disableClient does
     * not stop a certificate login (Mosquitto checks the flag only with a password), so deleting the
     * client is the only way to lock a certificate out at the broker.
     */
    public Uni<Void> revokeCertificateLogin(DeviceIdentity device) {
        return tolerating(DynsecCommands.deleteClient(device.certificateUsername()), DynsecResponse.CLIENT_NOT_FOUND);
    }

    private Uni<Void> recreate(DeviceIdentity device, String password, boolean enabled) {
        List<JsonObject> commands = new ArrayList<>(List.of(
                DynsecCommands.createRole(device.role(), device.acls()), device.createPasswordClient(password)));
        if (!enabled) {
            commands.add(DynsecCommands.disableClient(device.username()));
        }
        return broker.send(commands)
                .invoke(responses -> {
                    responses.get(0).requireOk(Set.of(DynsecResponse.ROLE_EXISTS));
                    responses.subList(1, responses.size()).forEach(DynsecResponse::requireOk);
                })
                .replaceWithVoid();
    }

    private Uni<Void> tolerating(JsonObject command, String tolerated) {
        return confirmed(List.of(command), Set.of(tolerated));
    }

    /**
     * The commands in order, a bounded number per message, one message at a time; a device's
     * commands may straddle two messages, which keeps their order.
     */
    private Uni<Void> inMessages(List<JsonObject> commands, Set<String> tolerated, int from) {
        if (from >= commands.size()) {
            return Uni.createFrom().voidItem();
        }
        int to = Math.min(commands.size(), from + COMMANDS_PER_MESSAGE);
        return confirmed(commands.subList(from, to), tolerated).flatMap(done -> inMessages(commands, tolerated, to));
    }

    /** One message; every command must succeed, or fail with one of the {@code tolerated} errors. */
    private Uni<Void> confirmed(List<JsonObject> commands, Set<String> tolerated) {
        return broker.send(commands)
                .invoke(responses -> responses.forEach(response -> response.requireOk(tolerated)))
                .replaceWithVoid();
    }
}
