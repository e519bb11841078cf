package io.atc.edge.pki;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.atc.edge.support.BrokerAdmin;
import io.atc.edge.support.DeviceApi;
import io.atc.edge.support.EdgeBridgeTestResources;
import io.atc.edge.support.RegisteredDevice;
import io.atc.testkit.mqtt.TestMqttClient;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A device of tenant B, logged in on the mTLS listener with the valid certificate the platform
 * issued it, cannot publish into tenant A's topics: its certificate login holds only the device's
 * own role, like its password client.
 * Breaks when: DeviceBrokerIdentities.grantCertificateLogin gives the login a role wider than the
 * device's own (checked with a role allowing atc/#: the publish into A's topic then arrives first).
 */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
class DeviceCannotPublishIntoAnotherTenantsTopicsOverMtlsTests {

    @Test
    void certifiedDeviceOfBPublishingIntoAsTopicIsDropped() {
        SyntheticOrganisations orgs = SyntheticOrganisations.in(TestDatabase.shared());
        RegisteredDevice deviceOfA = DeviceApi.registerAt(orgs.a(), 1);
        RegisteredDevice deviceOfB = DeviceApi.registerAt(orgs.b(), 1);
        JsonPath issuedToB = DeviceCertificatesApi.issue(deviceOfB);

        try (TestMqttClient watcher = BrokerAdmin.admin();
                TestMqttClient attacker = BrokerAdmin.connectTls(DeviceCertificatesApi.identity(issuedToB))) {
            assertThat(watcher.subscribe("atc/#")).containsExactly(1);

            attacker.publish(deviceOfA.topic("events"), "{\"into\":\"A\"}");
            attacker.publish(deviceOfB.topic("events"), "{\"into\":\"own\"}");

            // Mosquitto handles one client's publishes in order: had the first been forwarded, the
            // watcher would have received it first.
            assertThat(watcher.nextMessage())
                    .isEqualTo(new TestMqttClient.Message(deviceOfB.topic("events"), "{\"into\":\"own\"}"));
        }
    }
}
