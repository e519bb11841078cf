package io.atc.edge.broker;

import static org.assertj.core.api.Assertions.assertThat;

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
                Map.of(inSync, false, unknownToTheDatabase, false, missingRole, false, shouldBeEnabled, true,
                        shouldBeDisabled, false),
                Set.of(inSync, unknownToTheDatabase, orphanRole, shouldBeEnabled, shouldBeDisabled, missingClient),
                List.of(device(inSync, true), device(missingClient, true), device(missingClientDisabled, false),
                        device(missingRole, true), device(shouldBeEnabled, true), device(shouldBeDisabled, false)));

        assertThat(plan.clientsToRemove()).containsExactly(DeviceIdentity.usernameOf(unknownToTheDatabase));
        assertThat(plan.rolesToRemove()).containsExactlyInAnyOrder(DeviceIdentity.usernameOf(unknownToTheDatabase),
                DeviceIdentity.usernameOf(orphanRole));
        assertThat(plan.clientsToCreate()).containsExactlyInAnyOrder(device(missingClient, true),
                device(missingClientDisabled, false));
        assertThat(plan.rolesToRestore()).containsExactly(identity(missingRole));
        assertThat(plan.clientsToEnable()).containsExactly(DeviceIdentity.usernameOf(shouldBeEnabled));
        assertThat(plan.clientsToDisable()).containsExactly(DeviceIdentity.usernameOf(shouldBeDisabled));
    }

    @Test
    void aBrokerThatAgreesNeedsNothing() {
        UUID enabled = UUID.randomUUID();
        UUID disabled = UUID.randomUUID();

        ReconcilePlan plan = ReconcilePlan.between(Map.of(enabled, false, disabled, true), Set.of(enabled, disabled),
                List.of(device(enabled, true), device(disabled, false)));

        assertThat(plan.nothingToDo()).isTrue();
    }

    @Test
    void onlyDeviceNamesCountAsDevices() {
        UUID id = UUID.randomUUID();

        assertThat(DeviceIdentity.deviceIdOf("d-" + id)).contains(id);
        assertThat(DeviceIdentity.deviceIdOf("admin")).isEmpty();
        assertThat(DeviceIdentity.deviceIdOf("atc-ingest")).isEmpty();
        assertThat(DeviceIdentity.deviceIdOf("d-not-a-uuid")).isEmpty();
        assertThat(DeviceIdentity.deviceIdOf("d-" + id.toString().toUpperCase())).isEmpty();
        assertThat(DeviceIdentity.deviceIdOf(null)).isEmpty();
    }

    private static ReconcilePlan.RegisteredDevice device(UUID id, boolean enabled) {
        return new ReconcilePlan.RegisteredDevice(identity(id), enabled);
    }

    private static DeviceIdentity identity(UUID id) {
        return new DeviceIdentity(TENANT, SITE, id);
    }
}
