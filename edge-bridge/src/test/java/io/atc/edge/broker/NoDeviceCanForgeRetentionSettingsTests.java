package io.atc.edge.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.atc.edge.support.BrokerAdmin;
import io.atc.edge.support.DeviceApi;
import io.atc.edge.support.EdgeBridgeTestResources;
import io.atc.edge.support.RegisteredDevice;
import io.atc.edge.support.RetentionRows;
import io.atc.edge.support.SettingsMessages;
import io.atc.testkit.mqtt.TestMqttClient;
import io.atc.testkit.orgs.SyntheticOrganisation;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * No device can tell appliances forged retention settings: its publishes to its own site's
 * settings topic, another site's and another tenant's (retained or not) reach no subscriber and
 * replace no retained message. A watcher subscribed to those topics sees, after the forgeries, only
 * the bridge's genuine settings; a late subscriber gets the genuine retained one.
 * Breaks when: the device role's publish ACL covers the settings topic (checked once with a device
 * publish filter of atc/<tenant>/<site>/#: the watcher's first message after the forgeries was a
 * forged one).
 */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
class NoDeviceCanForgeRetentionSettingsTests {

    @Test
    void aDevicesSettingsPublishesReachNobody() throws Exception {
        SyntheticOrganisation org =
                SyntheticOrganisations.create(TestDatabase.shared(), "Forgers " + UUID.randomUUID());
        SyntheticOrganisation other =
                SyntheticOrganisations.create(TestDatabase.shared(), "Victims " + UUID.randomUUID());
        RegisteredDevice device = DeviceApi.registerAt(org, 0);
        String own = SettingsMessages.topic(org.tenantId(), device.siteId());
        String sibling = SettingsMessages.topic(org.tenantId(), org.siteIds().get(1));
        String foreign =
                SettingsMessages.topic(other.tenantId(), other.siteIds().get(0));
        RetentionRows.setTenantDefault(org.tenantId(), 20, 20);

        try (TestMqttClient watcher = BrokerAdmin.settingsWatcher();
                TestMqttClient forger = BrokerAdmin.connect(device)) {
            watcher.subscribe(own);
            SettingsMessages.awaitSettings(watcher, org.tenantId(), device.siteId(), 20, "tenant", 20, "tenant");
            watcher.subscribe(sibling);
            watcher.subscribe(foreign);
            while (watcher.pollMessage(Duration.ofMillis(500)).isPresent()) {
                // retained messages of the sibling site: not what this test watches
            }
            for (String topic : new String[] {own, sibling, foreign}) {
                forger.publish(topic, "{\"events\":{\"days\":1,\"source\":\"site\"},\"forged\":true}");
                forger.publishRetained(topic, "{\"events\":{\"days\":1,\"source\":\"site\"},\"forged\":true}");
            }
            RetentionRows.setSite(org.tenantId(), device.siteId(), 21, 22);

            TestMqttClient.Message next = watcher.nextMessage();
            assertThat(next.payload()).doesNotContain("forged");
            assertThat(next.topic()).isEqualTo(own);
        }
        try (TestMqttClient late = BrokerAdmin.settingsWatcher()) {
            late.subscribe(own);
            SettingsMessages.awaitSettings(late, org.tenantId(), device.siteId(), 21, "site", 22, "site");
        }
    }
}
