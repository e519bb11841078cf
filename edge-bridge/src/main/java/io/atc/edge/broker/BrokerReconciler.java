package io.atc.edge.broker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.atc.core.tenancy.CrossTenantRead;
import io.atc.core.tenancy.CrossTenantReads;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Converges the broker's device clients ({@code d-*}) to the database, which is the truth:
 * devices deleted or disabled while the bridge was down, or whose broker change outlived a failed
 * commit, are removed or disabled; devices the broker lost get a client again, with a random
 * password nobody knows, so their owner must reset it (logged, and listed in the report). The
 * platform never stores device passwords, so it cannot restore the old one. Certificate logins
 * (clients named by a device certificate's subject) exist for exactly the enabled devices with a
 * valid certificate: the others go (revoked, expired, disabled, deleted, or never the platform's),
 * the missing ones come back (they have no password to lose). Every device's password client is
 * bound to the device's own client id ({@link DeviceIdentity#clientId()}); one that is not (made
 * before the binding existed, or changed by hand) is bound, which disconnects it once.
 *
 * <p>The database side is read through {@link CrossTenantRead#DEVICES_TO_RECONCILE}: {@code
 * edge.device_directory()}, the one platform-level read of devices across tenants (routing columns
 * only), and {@code edge.devices_with_valid_certificate()} (ids only). The whole pass runs under the
 * exclusive {@link IdentityChangeLock}, so no device or certificate change is half done while it looks.
 */
@ApplicationScoped
public class BrokerReconciler {

    private static final Logger LOG = Logger.getLogger(BrokerReconciler.class);
    private static final int PAGE = 500;
    private static final int COMMANDS_PER_MESSAGE = 100;

    private final CrossTenantReads reads;
    private final DynamicSecurityClient broker;

    public BrokerReconciler(CrossTenantReads reads, DynamicSecurityClient broker) {
        this.reads = reads;
        this.broker = broker;
    }

    public Uni<ReconcileReport> reconcile() {
        return reads.underExclusiveLock(IdentityChangeLock.KEY, locked -> deviceClients(
                                0, new BrokerClients(new HashMap<>(), new HashSet<>()))
                        .flatMap(clients -> deviceRoles(0, new HashMap<>()).flatMap(roles -> directory(locked)
                                .flatMap(devices -> apply(
                                        ReconcilePlan.between(
                                                clients.devices(), roles, clients.certificateLogins(), devices),
                                        devices.size())))))
                .invoke(BrokerReconciler::log);
    }

    /** The broker's device clients and certificate logins, one page of clients per command. */
    private Uni<BrokerClients> deviceClients(int offset, BrokerClients found) {
        return broker.send(List.of(DynsecCommands.listClients(offset, PAGE))).flatMap(responses -> {
            JsonObject data = responses.get(0).requireOk().data();
            JsonArray clients = data.getJsonArray("clients", new JsonArray());
            for (Object client : clients) {
                JsonObject entry = (JsonObject) client;
                String username = entry.getString("username");
                DeviceIdentity.deviceIdOf(username).ifPresent(id -> found.devices()
                        .put(
                                id,
                                new ReconcilePlan.PasswordClient(
                                        entry.getBoolean("disabled", false), entry.getString("clientid"))));
                if (DeviceIdentity.isCertificateUsername(username)) {
                    found.certificateLogins().add(username);
                }
            }
            int next = offset + clients.size();
            return clients.isEmpty() || next >= data.getInteger("totalCount", 0)
                    ? Uni.createFrom().item(found)
                    : deviceClients(next, found);
        });
    }

    /** The device roles at the broker, each with its ACLs, one page of roles per command. */
    private Uni<Map<UUID, Set<DynsecCommands.Acl>>> deviceRoles(int offset, Map<UUID, Set<DynsecCommands.Acl>> found) {
        return broker.send(List.of(DynsecCommands.listRoles(offset, PAGE))).flatMap(responses -> {
            JsonObject data = responses.get(0).requireOk().data();
            JsonArray roles = data.getJsonArray("roles", new JsonArray());
            for (Object role : roles) {
                JsonObject entry = (JsonObject) role;
                DeviceIdentity.deviceIdOf(entry.getString("rolename")).ifPresent(id -> {
                    Set<DynsecCommands.Acl> acls = new HashSet<>();
                    entry.getJsonArray("acls", new JsonArray())
                            .forEach(acl -> acls.add(DynsecCommands.Acl.from((JsonObject) acl)));
                    found.put(id, acls);
                });
            }
            int next = offset + roles.size();
            return roles.isEmpty() || next >= data.getInteger("totalCount", 0)
                    ? Uni.createFrom().item(found)
                    : deviceRoles(next, found);
        });
    }

    private static Uni<List<ReconcilePlan.RegisteredDevice>> directory(CrossTenantReads.LockedReads locked) {
        return locked.read(CrossTenantRead.DEVICES_TO_RECONCILE).map(rows -> {
            List<ReconcilePlan.RegisteredDevice> devices = new ArrayList<>();
            rows.forEach(row -> devices.add(new ReconcilePlan.RegisteredDevice(
                    new DeviceIdentity(row.getUUID("tenant_id"), row.getUUID("site_id"), row.getUUID("device_id")),
                    row.getBoolean("enabled"),
                    row.getBoolean("certified"),
                    row.getBoolean("password_login"))));
            return devices;
        });
    }

    /**
     * Client removals go first and must all succeed before anything else is sent: Mosquitto 2.0's
     * plugin deletes a role a client still holds without detaching it (a dangling reference that
     * can crash the broker), so no role is deleted while a client holding it (password or
     * certificate login) may still be there.
     */
    private Uni<ReconcileReport> apply(ReconcilePlan plan, int devicesChecked) {
        List<Step> removals = new ArrayList<>();
        plan.clientsToRemove()
                .forEach(client -> removals.add(new Step(
                        DynsecCommands.deleteClient(client),
                        DynsecResponse.CLIENT_NOT_FOUND,
                        Effect.CLIENT_REMOVED,
                        null)));
        plan.certificateClientsToRemove()
                .forEach(client -> removals.add(new Step(
                        DynsecCommands.deleteClient(client),
                        DynsecResponse.CLIENT_NOT_FOUND,
                        Effect.CERTIFICATE_LOGIN_REMOVED,
                        null)));
        plan.passwordClientsToRemove()
                .forEach(client -> removals.add(new Step(
                        DynsecCommands.deleteClient(client),
                        DynsecResponse.CLIENT_NOT_FOUND,
                        Effect.PASSWORD_LOGIN_REMOVED,
                        null)));
        List<Step> steps = new ArrayList<>();
        plan.rolesToRemove()
                .forEach(role -> steps.add(new Step(
                        DynsecCommands.deleteRole(role), DynsecResponse.ROLE_NOT_FOUND, Effect.ROLE_REMOVED, null)));
        for (ReconcilePlan.RegisteredDevice device : plan.clientsToCreate()) {
            DeviceIdentity identity = device.identity();
            steps.add(new Step(
                    DynsecCommands.createRole(identity.role(), identity.acls()),
                    DynsecResponse.ROLE_EXISTS,
                    Effect.NONE,
                    null));
            steps.add(new Step(
                    identity.createPasswordClient(MqttPasswords.generate()),
                    DynsecResponse.CLIENT_EXISTS,
                    Effect.CLIENT_CREATED,
                    identity));
            if (!device.enabled()) {
                steps.add(new Step(DynsecCommands.disableClient(identity.username()), null, Effect.NONE, null));
            }
        }
        for (ReconcilePlan.RegisteredDevice device : plan.rolesToRestore()) {
            DeviceIdentity identity = device.identity();
            steps.add(new Step(
                    DynsecCommands.createRole(identity.role(), identity.acls()),
                    DynsecResponse.ROLE_EXISTS,
                    Effect.ROLE_RESTORED,
                    null));
            if (device.passwordLogin()) {
                steps.add(new Step(
                        DynsecCommands.addClientRole(identity.username(), identity.role()), null, Effect.NONE, null));
            }
            if (device.needsCertificateLogin()
                    && !plan.certificateClientsToCreate().contains(identity)) {
                steps.add(new Step(
                        DynsecCommands.addClientRole(identity.certificateUsername(), identity.role()),
                        null,
                        Effect.NONE,
                        null));
            }
        }
        plan.certificateClientsToCreate()
                .forEach(identity -> steps.add(new Step(
                        DynsecCommands.createClientWithoutPassword(identity.certificateUsername(), identity.role()),
                        DynsecResponse.CLIENT_EXISTS,
                        Effect.CERTIFICATE_LOGIN_CREATED,
                        null)));
        plan.clientsToEnable()
                .forEach(client -> steps.add(new Step(
                        DynsecCommands.enableClient(client),
                        DynsecResponse.CLIENT_NOT_FOUND,
                        Effect.CLIENT_ENABLED,
                        null)));
        plan.clientsToDisable()
                .forEach(client -> steps.add(new Step(
                        DynsecCommands.disableClient(client),
                        DynsecResponse.CLIENT_NOT_FOUND,
                        Effect.CLIENT_DISABLED,
                        null)));
        for (ReconcilePlan.RoleAclRepair repair : plan.roleAclsToRepair()) {
            String role = repair.device().role();
            List<JsonObject> changes = new ArrayList<>();
            repair.extra().forEach(acl -> changes.add(DynsecCommands.removeRoleAcl(role, acl)));
            repair.missing().forEach(acl -> changes.add(DynsecCommands.addRoleAcl(role, acl)));
            for (int i = 0; i < changes.size(); i++) {
                steps.add(new Step(changes.get(i), null, i == 0 ? Effect.ROLE_ACLS_REPAIRED : Effect.NONE, null));
            }
        }
        plan.clientIdsToBind()
                .forEach(identity -> steps.add(new Step(
                        DynsecCommands.bindClientId(identity.username(), identity.clientId()),
                        DynsecResponse.CLIENT_NOT_FOUND,
                        Effect.CLIENT_ID_BOUND,
                        null)));
        return send(removals, 0, new ArrayList<>())
                .invoke(responses -> requireDone(removals, responses))
                .flatMap(removed -> send(steps, 0, removed))
                .map(responses -> {
                    List<Step> all = new ArrayList<>(removals);
                    all.addAll(steps);
                    return report(all, responses, devicesChecked);
                });
    }

    private static void requireDone(List<Step> steps, List<DynsecResponse> responses) {
        for (int i = 0; i < steps.size(); i++) {
            responses.get(i).requireOk(tolerated(steps.get(i)));
        }
    }

    private static Set<String> tolerated(Step step) {
        return step.tolerated() == null ? Set.of() : Set.of(step.tolerated());
    }

    /** Sends the steps in order, a bounded number per message, one message at a time. */
    private Uni<List<DynsecResponse>> send(List<Step> steps, int from, List<DynsecResponse> answered) {
        if (from >= steps.size()) {
            return Uni.createFrom().item(answered);
        }
        int to = Math.min(steps.size(), from + COMMANDS_PER_MESSAGE);
        List<JsonObject> commands =
                steps.subList(from, to).stream().map(Step::command).toList();
        return broker.send(commands).flatMap(responses -> {
            answered.addAll(responses);
            return send(steps, to, answered);
        });
    }

    private static ReconcileReport report(List<Step> steps, List<DynsecResponse> responses, int devicesChecked) {
        Map<Effect, Integer> counts = new HashMap<>();
        List<UUID> passwordResetNeeded = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            DynsecResponse response = responses.get(i);
            response.requireOk(tolerated(step));
            if (!response.ok()) {
                continue;
            }
            counts.merge(step.effect(), 1, Integer::sum);
            if (step.effect() == Effect.CLIENT_CREATED) {
                DeviceIdentity device = step.device();
                passwordResetNeeded.add(device.deviceId());
                LOG.warnf(
                        "broker: device %s (tenant %s, site %s) had no broker client; it has one again, with a random"
                                + " password nobody knows: reset the device's password (POST /v1/sites/%s/devices/%s/password)",
                        device.deviceId(), device.tenantId(), device.siteId(), device.siteId(), device.deviceId());
            }
        }
        return new ReconcileReport(
                devicesChecked,
                counts.getOrDefault(Effect.CLIENT_REMOVED, 0),
                counts.getOrDefault(Effect.ROLE_REMOVED, 0),
                counts.getOrDefault(Effect.ROLE_RESTORED, 0),
                counts.getOrDefault(Effect.CLIENT_ENABLED, 0),
                counts.getOrDefault(Effect.CLIENT_DISABLED, 0),
                counts.getOrDefault(Effect.CLIENT_ID_BOUND, 0),
                List.copyOf(passwordResetNeeded),
                counts.getOrDefault(Effect.CERTIFICATE_LOGIN_REMOVED, 0),
                counts.getOrDefault(Effect.CERTIFICATE_LOGIN_CREATED, 0),
                counts.getOrDefault(Effect.PASSWORD_LOGIN_REMOVED, 0),
                counts.getOrDefault(Effect.ROLE_ACLS_REPAIRED, 0));
    }

    private static void log(ReconcileReport report) {
        if (report.changedAnything()) {
            LOG.infof(
                    "broker reconciled with %d registered device(s): %d client(s) and %d role(s) of unknown devices"
                            + " removed, %d role(s) restored, %d client(s) enabled, %d disabled, %d recreated,"
                            + " %d bound to their own client id; %d certificate login(s) removed, %d created;"
                            + " %d password client(s) of certificate-only tenants removed; %d role(s) given"
                            + " exactly their device's ACLs",
                    report.devicesChecked(),
                    report.clientsRemoved(),
                    report.rolesRemoved(),
                    report.rolesRestored(),
                    report.clientsEnabled(),
                    report.clientsDisabled(),
                    report.passwordResetNeeded().size(),
                    report.clientIdsBound(),
                    report.certificateLoginsRemoved(),
                    report.certificateLoginsCreated(),
                    report.passwordLoginsRemoved(),
                    report.roleAclsRepaired());
        } else {
            LOG.debugf("broker already matches the %d registered device(s)", report.devicesChecked());
        }
    }

    private enum Effect {
        NONE,
        CLIENT_REMOVED,
        ROLE_REMOVED,
        CLIENT_CREATED,
        ROLE_RESTORED,
        CLIENT_ENABLED,
        CLIENT_DISABLED,
        CLIENT_ID_BOUND,
        CERTIFICATE_LOGIN_REMOVED,
        CERTIFICATE_LOGIN_CREATED,
        PASSWORD_LOGIN_REMOVED,
        ROLE_ACLS_REPAIRED
    }

    /** Device id to its password client; the names of certificate logins. */
    private record BrokerClients(Map<UUID, ReconcilePlan.PasswordClient> devices, Set<String> certificateLogins) {}

    /** One command, the error that still counts as done, and what it achieves when it succeeds. */
    private record Step(JsonObject command, String tolerated, Effect effect, DeviceIdentity device) {}
}
