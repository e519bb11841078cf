package io.atc.edge.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The database decides; the plan lists exactly the broker changes that make the broker agree. */
class ReconcilePlanTests {

    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID SITE = UUID.randomUUID();

    @Test
    void everyKindOfDriftIsPlannedOnce() {
        UUID inSync = UUID.randomUUID();
        UUID unknownToTheDatabase = UUID.randomUUID();
        UUID orphanRole = UUID.randomUUID();
        UUID missingClient = UUID.randomUUID();
        UUID missingClientDisabled = UUID.randomUUID();
        UUID missingRole = UUID.randomUUID();
        UUID shouldBeEnabled = UUID.randomUUID();
        UUID shouldBeDisabled = UUID.randomUUID();

        ReconcilePlan plan = ReconcilePlan.between(
                Map.of(
                        inSync,
                        enabledClient(inSync),
                        unknownToTheDatabase,
                        enabledClient(unknownToTheDatabase),
                        missingRole,
                        enabledClient(missingRole),
                        shouldBeEnabled,
                        disabledClient(shouldBeEnabled),
                        shouldBeDisabled,
                        enabledClient(shouldBeDisabled)),
                roles(inSync, unknownToTheDatabase, orphanRole, shouldBeEnabled, shouldBeDisabled, missingClient),
                Set.of(),
                List.of(
                        device(inSync, true),
                        device(missingClient, true),
                        device(missingClientDisabled, false),
                        device(missingRole, true),
                        device(shouldBeEnabled, true),
                        device(shouldBeDisabled, false)));

        assertThat(plan.clientsToRemove()).containsExactly(DeviceIdentity.usernameOf(unknownToTheDatabase));
        assertThat(plan.rolesToRemove())
                .containsExactlyInAnyOrder(
                        DeviceIdentity.usernameOf(unknownToTheDatabase), DeviceIdentity.usernameOf(orphanRole));
        assertThat(plan.clientsToCreate())
                .containsExactlyInAnyOrder(device(missingClient, true), device(missingClientDisabled, false));
        assertThat(plan.rolesToRestore()).containsExactly(device(missingRole, true));
        assertThat(plan.clientsToEnable()).containsExactly(DeviceIdentity.usernameOf(shouldBeEnabled));
        assertThat(plan.clientsToDisable()).containsExactly(DeviceIdentity.usernameOf(shouldBeDisabled));
        assertThat(plan.clientIdsToBind()).isEmpty();
    }

    @Test
    void aClientNotBoundToItsOwnClientIdIsBound() {
        UUID bound = UUID.randomUUID();
        UUID unbound = UUID.randomUUID();
        UUID boundToTheIngest = UUID.randomUUID();
        UUID boundToAnotherDevice = UUID.randomUUID();
        UUID disabledUnbound = UUID.randomUUID();

        ReconcilePlan plan = ReconcilePlan.between(
                Map.of(
                        bound,
                        enabledClient(bound),
                        unbound,
                        new ReconcilePlan.PasswordClient(false, null),
                        boundToTheIngest,
                        new ReconcilePlan.PasswordClient(false, "atc-ingest"),
                        boundToAnotherDevice,
                        new ReconcilePlan.PasswordClient(false, DeviceIdentity.usernameOf(bound)),
                        disabledUnbound,
                        new ReconcilePlan.PasswordClient(true, null)),
                roles(bound, unbound, boundToTheIngest, boundToAnotherDevice, disabledUnbound),
                Set.of(),
                List.of(
                        device(bound, true),
                        device(unbound, true),
                        device(boundToTheIngest, true),
                        device(boundToAnotherDevice, true),
                        device(disabledUnbound, false)));

        assertThat(plan.clientIdsToBind())
                .containsExactlyInAnyOrder(
                        identity(unbound),
                        identity(boundToTheIngest),
                        identity(boundToAnotherDevice),
                        identity(disabledUnbound));
        assertThat(plan.clientIdsToBind())
                .extracting(DeviceIdentity::clientId)
                .containsExactlyInAnyOrder(
                        DeviceIdentity.usernameOf(unbound),
                        DeviceIdentity.usernameOf(boundToTheIngest),
                        DeviceIdentity.usernameOf(boundToAnotherDevice),
                        DeviceIdentity.usernameOf(disabledUnbound));
        assertThat(plan.clientsToCreate())
                .as("binding keeps the client and its password")
                .isEmpty();
    }

    @Test
    void aBrokerThatAgreesNeedsNothing() {
        UUID enabled = UUID.randomUUID();
        UUID disabled = UUID.randomUUID();

        UUID certified = UUID.randomUUID();

        ReconcilePlan plan = ReconcilePlan.between(
                Map.of(
                        enabled,
                        enabledClient(enabled),
                        disabled,
                        disabledClient(disabled),
                        certified,
                        enabledClient(certified)),
                roles(enabled, disabled, certified),
                Set.of(identity(certified).certificateUsername()),
                List.of(device(enabled, true), device(disabled, false), certifiedDevice(certified, true)));

        assertThat(plan.nothingToDo()).isTrue();
    }

    @Test
    void certificateLoginsExistForExactlyTheEnabledDevicesWithAValidCertificate() {
        UUID inSync = UUID.randomUUID();
        UUID loginLost = UUID.randomUUID();
        UUID certificateRevoked = UUID.randomUUID();
        UUID disabledWithCertificate = UUID.randomUUID();
        UUID deleted = UUID.randomUUID();
        UUID otherTenant = UUID.randomUUID();
        String otherTenantsName = new DeviceIdentity(UUID.randomUUID(), SITE, otherTenant).certificateUsername();
        Map<UUID, ReconcilePlan.PasswordClient> clients = Map.of(
                inSync,
                enabledClient(inSync),
                loginLost,
                enabledClient(loginLost),
                certificateRevoked,
                enabledClient(certificateRevoked),
                disabledWithCertificate,
                disabledClient(disabledWithCertificate),
                otherTenant,
                enabledClient(otherTenant));

        ReconcilePlan plan = ReconcilePlan.between(
                clients,
                roles(clients.keySet().toArray(UUID[]::new)),
                Set.of(
                        identity(inSync).certificateUsername(),
                        identity(certificateRevoked).certificateUsername(),
                        identity(disabledWithCertificate).certificateUsername(),
                        identity(deleted).certificateUsername(),
                        otherTenantsName),
                List.of(
                        certifiedDevice(inSync, true),
                        certifiedDevice(loginLost, true),
                        device(certificateRevoked, true),
                        certifiedDevice(disabledWithCertificate, false),
                        device(otherTenant, true)));

        assertThat(plan.certificateClientsToCreate()).containsExactly(identity(loginLost));
        assertThat(plan.certificateClientsToRemove())
                .containsExactlyInAnyOrder(
                        identity(certificateRevoked).certificateUsername(),
                        identity(disabledWithCertificate).certificateUsername(),
                        identity(deleted).certificateUsername(),
                        otherTenantsName);
        assertThat(plan.clientsToRemove())
                .as("password clients are a separate matter")
                .isEmpty();
    }

    @Test
    void onlyDeviceNamesCountAsDevices() {
        UUID id = UUID.randomUUID();

        assertThat(DeviceIdentity.deviceIdOf("d-" + id)).contains(id);
        assertThat(DeviceIdentity.deviceIdOf("admin")).isEmpty();
        assertThat(DeviceIdentity.deviceIdOf("atc-ingest")).isEmpty();
        assertThat(DeviceIdentity.deviceIdOf("d-not-a-uuid")).isEmpty();
        assertThat(DeviceIdentity.deviceIdOf("d-" + id.toString().toUpperCase()))
                .isEmpty();
        assertThat(DeviceIdentity.deviceIdOf(null)).isEmpty();
        assertThat(DeviceIdentity.deviceIdOf(identity(id).certificateUsername()))
                .isEmpty();
        assertThat(DeviceIdentity.isCertificateUsername(identity(id).certificateUsername()))
                .isTrue();
        assertThat(DeviceIdentity.isCertificateUsername("d-" + id)).isFalse();
        assertThat(DeviceIdentity.isCertificateUsername("CN=admin,OU=t-" + TENANT + ",O=ATC Edge"))
                .isFalse();
    }

    /**
     * A certificate-only tenant's device has no password client: a stray one (made before the
     * switch, or by hand) is removed, a missing one is never created, a lost role comes back for its
     * certificate login alone, and none of its clients is enabled, disabled or bound.
     * Breaks when: the plan ignores the tenant's policy (seen: the stray client was only re-bound
     * and kept, and the missing one recreated with a password).
     */
    @Test
    void aCertificateOnlyTenantsDeviceHasNoPasswordClient() {
        UUID stray = UUID.randomUUID();
        UUID strayDisabled = UUID.randomUUID();
        UUID withoutClient = UUID.randomUUID();
        UUID lostRole = UUID.randomUUID();

        ReconcilePlan plan = ReconcilePlan.between(
                Map.of(
                        stray,
                        new ReconcilePlan.PasswordClient(false, null),
                        strayDisabled,
                        enabledClient(strayDisabled)),
                roles(stray, strayDisabled, withoutClient),
                Set.of(identity(withoutClient).certificateUsername()),
                List.of(
                        certificateOnlyDevice(stray, true, false),
                        certificateOnlyDevice(strayDisabled, false, false),
                        certificateOnlyDevice(withoutClient, true, true),
                        certificateOnlyDevice(lostRole, true, true)));

        assertThat(plan.passwordClientsToRemove())
                .containsExactlyInAnyOrder(DeviceIdentity.usernameOf(stray), DeviceIdentity.usernameOf(strayDisabled));
        assertThat(plan.clientsToCreate()).isEmpty();
        assertThat(plan.clientsToRemove()).isEmpty();
        assertThat(plan.clientsToEnable()).isEmpty();
        assertThat(plan.clientsToDisable()).isEmpty();
        assertThat(plan.clientIdsToBind()).isEmpty();
        assertThat(plan.rolesToRemove()).isEmpty();
        assertThat(plan.rolesToRestore()).containsExactly(certificateOnlyDevice(lostRole, true, true));
        assertThat(plan.certificateClientsToCreate()).containsExactly(identity(lostRole));
        assertThat(plan.certificateClientsToRemove()).isEmpty();
    }

    /** The same devices in a tenant that allows passwords keep (or get back) their password clients. */
    @Test
    void aPasswordTenantsDeviceKeepsItsPasswordClient() {
        UUID kept = UUID.randomUUID();
        UUID missing = UUID.randomUUID();

        ReconcilePlan plan = ReconcilePlan.between(
                Map.of(kept, enabledClient(kept)),
                roles(kept, missing),
                Set.of(),
                List.of(device(kept, true), device(missing, true)));

        assertThat(plan.passwordClientsToRemove()).isEmpty();
        assertThat(plan.clientsToCreate()).containsExactly(device(missing, true));
    }

    /**
     * A role made before devices could read their site's settings topic (publish ACL only), and one
     * widened by hand, get exactly their device's ACLs; a role already right is left alone.
     */
    @Test
    void aDeviceRoleWithOtherAclsGetsExactlyItsDevicesAcls() {
        UUID older = UUID.randomUUID();
        UUID widened = UUID.randomUUID();
        UUID right = UUID.randomUUID();
        DynsecCommands.Acl publish = identity(older).acls().get(0);
        DynsecCommands.Acl everything = new DynsecCommands.Acl("subscribePattern", "#", true);
        Map<UUID, Set<DynsecCommands.Acl>> roles = roles(widened, right);
        roles.put(older, Set.of(publish));
        Set<DynsecCommands.Acl> widenedAcls = new java.util.HashSet<>(roles.get(widened));
        widenedAcls.add(everything);
        roles.put(widened, widenedAcls);

        ReconcilePlan plan = ReconcilePlan.between(
                Map.of(older, enabledClient(older), widened, enabledClient(widened), right, enabledClient(right)),
                roles,
                Set.of(),
                List.of(device(older, true), device(widened, true), device(right, true)));

        assertThat(plan.roleAclsToRepair())
                .containsExactlyInAnyOrder(
                        new ReconcilePlan.RoleAclRepair(
                                identity(older),
                                List.of(),
                                identity(older).acls().subList(1, 3)),
                        new ReconcilePlan.RoleAclRepair(identity(widened), List.of(everything), List.of()));
        assertThat(plan.rolesToRestore()).isEmpty();
    }

    /** A password client as the platform makes it: bound to the device's own client id. */
    private static ReconcilePlan.PasswordClient enabledClient(UUID id) {
        return new ReconcilePlan.PasswordClient(false, identity(id).clientId());
    }

    private static ReconcilePlan.PasswordClient disabledClient(UUID id) {
        return new ReconcilePlan.PasswordClient(true, identity(id).clientId());
    }

    private static ReconcilePlan.RegisteredDevice device(UUID id, boolean enabled) {
        return new ReconcilePlan.RegisteredDevice(identity(id), enabled, false, true);
    }

    private static ReconcilePlan.RegisteredDevice certifiedDevice(UUID id, boolean enabled) {
        return new ReconcilePlan.RegisteredDevice(identity(id), enabled, true, true);
    }

    /** A device of a certificate-only tenant: no password client belongs at the broker. */
    private static ReconcilePlan.RegisteredDevice certificateOnlyDevice(UUID id, boolean enabled, boolean certified) {
        return new ReconcilePlan.RegisteredDevice(identity(id), enabled, certified, false);
    }

    /** Roles at the broker with exactly the ACLs their device should have. */
    private static Map<UUID, Set<DynsecCommands.Acl>> roles(UUID... ids) {
        Map<UUID, Set<DynsecCommands.Acl>> roles = new HashMap<>();
        for (UUID id : ids) {
            roles.put(id, Set.copyOf(identity(id).acls()));
        }
        return roles;
    }

    private static DeviceIdentity identity(UUID id) {
        return new DeviceIdentity(TENANT, SITE, id);
    }
}
