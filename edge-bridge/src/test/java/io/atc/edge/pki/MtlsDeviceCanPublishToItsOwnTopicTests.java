package io.atc.edge.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.atc.testkit.mqtt.TestMqttClient;
import io.atc.testkit.orgs.SyntheticOrganisation;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.atc.testkit.quarkus.AtcTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;

/**
 * A device with the certificate the API issued connects to the real broker's mTLS listener with no
 * password, and what it publishes to its own topic reaches a subscriber. This also proves the
 * username form: the broker names the device by its full subject exactly as
 * {@link io.atc.edge.broker.DeviceIdentity#certificateUsername} writes it, or its dynsec client would not match and the publish
 * would be dropped.
 */
@QuarkusTest
@QuarkusTestResource(AtcTestResources.class)
@QuarkusTestResource(MtlsBroker.class)
class MtlsDeviceCanPublishToItsOwnTopicTests {

    private static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close();
    }

    @Test
    void issuedCertificateConnectsAndPublishes() {
        SyntheticOrganisation a = SyntheticOrganisations.in(TestDatabase.shared()).a();
        RegisteredDevice device = RegisteredDevice.register(a.tenantId(), a.siteIds().get(0), vertx,
                MtlsBroker.current().broker());

        JsonPath issued = DeviceCertificatesApi.issue(device);

        assertThat(issued.getString("subject")).isEqualTo("CN=" + device.brokerUsername() + ",OU=t-" + a.tenantId()
                + ",O=ATC Edge");
        X509Certificate leaf = Pem.readCertificate(issued.getString("certificateChain"));
        assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo(issued.getString("subject"));
        try (TestMqttClient watcher = BrokerAdmin.watcher(vertx, MtlsBroker.current().broker());
                TestMqttClient deviceClient = TestMqttClient.connectTls(vertx, MtlsBroker.current().host(),
                        MtlsBroker.current().tlsPort(), DeviceCertificatesApi.identity(issued))) {
            assertThat(watcher.subscribe("atc/" + a.tenantId() + "/#")).containsExactly(1);

            deviceClient.publish(device.eventsTopic(), "{\"hello\":\"over mTLS\"}");

            assertThat(watcher.nextMessage())
                    .isEqualTo(new TestMqttClient.Message(device.eventsTopic(), "{\"hello\":\"over mTLS\"}"));
        }
    }
}
