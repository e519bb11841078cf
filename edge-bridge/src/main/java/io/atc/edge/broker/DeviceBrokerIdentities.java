package io.atc.edge.broker;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

/**
 * Devices' clients and roles at the broker. Each method is one command message, so the broker
 * applies its commands together; each fails with a {@link BrokerException} when the broker did
 * not confirm the change. Removing what is already gone, or disabling a client the broker does not
 * have, counts as done (the reconciler creates missing clients).
 */
@ApplicationScoped
public class DeviceBrokerIdentities {

    private final DynamicSecurityClient broker;

    public DeviceBrokerIdentities(DynamicSecurityClient broker) {
        this.broker = broker;
    }

    /** A new device: its role, then its client in that role. */
    public Uni<Void> provision(DeviceIdentity device, String password) {
        return broker.send(List.of(
                DynsecCommands.createRole(device.role(), device.acls()),
                DynsecCommands.createClient(device.username(), password, device.role())))
                .invoke(responses -> responses.forEach(DynsecResponse::requireOk))
                .replaceWithVoid();
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

    /** Stops the device: the broker disconnects it and refuses its logins. */
    public Uni<Void> disable(String username) {
        return tolerating(DynsecCommands.disableClient(username), DynsecResponse.CLIENT_NOT_FOUND);
    }

    public Uni<Void> enable(String username) {
        return tolerating(DynsecCommands.enableClient(username), DynsecResponse.CLIENT_NOT_FOUND);
    }

    /**
     * Deletes the client (disconnecting the device), then its role. Two messages on purpose: the
     * plugin runs every command of a message even when an earlier one fails, and Mosquitto 2.0's
     * plugin deletes a role that a client still holds without detaching it (the client keeps a
     * dangling reference, which can crash the broker), so the role goes only once the client has.
     */
    public Uni<Void> remove(String username) {
        return tolerating(DynsecCommands.deleteClient(username), DynsecResponse.CLIENT_NOT_FOUND)
                .flatMap(clientGone -> tolerating(DynsecCommands.deleteRole(username), DynsecResponse.ROLE_NOT_FOUND));
    }

    private Uni<Void> recreate(DeviceIdentity device, String password, boolean enabled) {
        List<JsonObject> commands = new ArrayList<>(List.of(
                DynsecCommands.createRole(device.role(), device.acls()),
                DynsecCommands.createClient(device.username(), password, device.role())));
        if (!enabled) {
            commands.add(DynsecCommands.disableClient(device.username()));
        }
        return broker.send(commands).invoke(responses -> {
            responses.get(0).requireOk(Set.of(DynsecResponse.ROLE_EXISTS));
            responses.subList(1, responses.size()).forEach(DynsecResponse::requireOk);
        }).replaceWithVoid();
    }

    private Uni<Void> tolerating(JsonObject command, String tolerated) {
        return broker.send(List.of(command))
                .invoke(responses -> responses.get(0).requireOk(Set.of(tolerated)))
                .replaceWithVoid();
    }
}
