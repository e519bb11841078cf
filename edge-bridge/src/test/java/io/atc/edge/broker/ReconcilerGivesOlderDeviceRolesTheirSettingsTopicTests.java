package io.atc.edge.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.atc.edge.support.BrokerAdmin;
import io.atc.edge.support.DeviceApi;
import io.atc.edge.support.EdgeBridgeTestResources;
import io.atc.edge.support.RegisteredDevice;
import io.atc.edge.support.SettingsMessages;
import io.atc.testkit.mqtt.TestMqttClient;
import io.atc.testkit.orgs.SyntheticOrganisation;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/**
 * A device role made before devices could read their site's settings topic (only its publish ACL),
 * or widened by hand, gets exactly its device's ACLs back at the next reconciliation: the settings
 * topic ACLs are added, a foreign one removed.
 * Breaks when: the reconciler compares only whether a role exists, not its ACLs (checked once: with
 * the plan's ACL repair left out, the device was still refused its own settings topic).
 */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
class ReconcilerGivesOlderDeviceRolesTheirSettingsTopicTests {

    private static final int REFUSED = 0x80;

    @Inject
    BrokerReconciler reconciler;

    @Test
    void anOlderRoleGetsExactlyItsDevicesAcls() {
        SyntheticOrganisation org = SyntheticOrganisations.create(TestDatabase.shared(), "Older roles");
        RegisteredDevice device = DeviceApi.registerAt(org, 0);
        String own = SettingsMessages.topic(org.tenantId(), device.siteId());
        String foreign = SettingsMessages.topic(org.tenantId(), org.siteIds().get(1));
        BrokerAdmin.require(acl("removeRoleACL", device.username(), "subscribeLiteral", own));
        BrokerAdmin.require(acl("removeRoleACL", device.username(), "publishClientReceive", own));
        BrokerAdmin.require(acl("addRoleACL", device.username(), "subscribeLiteral", foreign)
                .put("allow", true));
        try (TestMqttClient client = BrokerAdmin.connect(device)) {
            assertThat(client.subscribe(own)).as("before").containsExactly(REFUSED);
            assertThat(client.subscribe(foreign)).as("before").containsExactly(1);
        }

        ReconcileReport report = reconciler.reconcile().await().atMost(Duration.ofSeconds(30));

        assertThat(report.roleAclsRepaired()).isGreaterThanOrEqualTo(1);
        try (TestMqttClient client = BrokerAdmin.connect(device)) {
            assertThat(client.subscribe(own)).containsExactly(1);
            assertThat(client.subscribe(foreign)).containsExactly(REFUSED);
        }
    }

    private static JsonObject acl(String command, String role, String type, String topic) {
        return BrokerAdmin.command(command)
                .put("rolename", role)
                .put("acltype", type)
                .put("topic", topic);
    }
}
