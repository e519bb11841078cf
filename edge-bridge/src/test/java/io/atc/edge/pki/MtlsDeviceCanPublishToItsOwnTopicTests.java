package io.atc.edge.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;

import org.junit.jupiter.api.Test;

import io.atc.edge.support.BrokerAdmin;
import io.atc.edge.support.DeviceApi;
import io.atc.edge.support.EdgeBridgeTestResources;
import io.atc.edge.support.RegisteredDevice;
import io.atc.testkit.mqtt.TestMqttClient;
import io.atc.testkit.orgs.SyntheticOrganisation;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A device with the certificate the API issued connects to the real broker's mTLS listener with no
 * password, and what it publishes to its own topic reaches a subscriber. This also proves the
 * username form: the broker names the device by its full subject exactly as
 * {@link io.atc.edge.broker.DeviceIdentity#certificateUsername} writes it, or its certificate
 * client would not match and the publish would be dropped.
 */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
class MtlsDeviceCanPublishToItsOwnTopicTests {

    @Test
    void issuedCertificateConnectsAndPublishes() {
        SyntheticOrganisation a =
                SyntheticOrganisations.in(TestDatabase.shared()).a();
        RegisteredDevice device = DeviceApi.registerAt(a, 0);

        JsonPath issued = DeviceCertificatesApi.issue(device);

        assertThat(issued.getString("subject"))
                .isEqualTo("CN=" + device.username() + ",OU=t-" + a.tenantId() + ",O=ATC Edge");
        X509Certificate leaf = Pem.readCertificate(issued.getString("certificateChain"));
        assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo(issued.getString("subject"));
        try (TestMqttClient watcher = BrokerAdmin.admin();
                TestMqttClient deviceClient = BrokerAdmin.connectTls(DeviceCertificatesApi.identity(issued))) {
            assertThat(watcher.subscribe("atc/" + a.tenantId() + "/#")).containsExactly(1);

            deviceClient.publish(device.topic("events"), "{\"hello\":\"over mTLS\"}");

            assertThat(watcher.nextMessage())
                    .isEqualTo(new TestMqttClient.Message(device.topic("events"), "{\"hello\":\"over mTLS\"}"));
        }
    }
}
