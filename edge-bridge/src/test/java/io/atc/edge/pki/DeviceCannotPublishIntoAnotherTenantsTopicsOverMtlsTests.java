package io.atc.edge.pki;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.atc.testkit.mqtt.TestMqttClient;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.atc.testkit.quarkus.AtcTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;

/**
 * A device of tenant B, logged in on the mTLS listener with the valid certificate the platform
 * issued it, cannot publish into tenant A's topics: its certificate login has only its password
 * client's roles.
 * Breaks when: CertificateClients.grant gives the subject's client a role wider than the device's
 * own (checked with a role allowing atc/#: the publish into A's topic then arrives first).
 */
@QuarkusTest
@QuarkusTestResource(AtcTestResources.class)
@QuarkusTestResource(MtlsBroker.class)
class DeviceCannotPublishIntoAnotherTenantsTopicsOverMtlsTests {

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
    void certifiedDeviceOfBPublishingIntoAsTopicIsDropped() {
        SyntheticOrganisations orgs = SyntheticOrganisations.in(TestDatabase.shared());
        RegisteredDevice deviceOfA = RegisteredDevice.register(orgs.a().tenantId(), orgs.a().siteIds().get(1), vertx,
                MtlsBroker.current().broker());
        RegisteredDevice deviceOfB = RegisteredDevice.register(orgs.b().tenantId(), orgs.b().siteIds().get(1), vertx,
                MtlsBroker.current().broker());
        JsonPath issuedToB = DeviceCertificatesApi.issue(deviceOfB);

        try (TestMqttClient watcher = BrokerAdmin.watcher(vertx, MtlsBroker.current().broker());
                TestMqttClient attacker = MtlsAttempts.connect(vertx, DeviceCertificatesApi.identity(issuedToB))) {
            assertThat(watcher.subscribe("atc/#")).containsExactly(1);

            attacker.publish(deviceOfA.eventsTopic(), "{\"into\":\"A\"}");
            attacker.publish(deviceOfB.eventsTopic(), "{\"into\":\"own\"}");

            // Mosquitto handles one client's publishes in order: had the first been forwarded, the
            // watcher would have received it first.
            assertThat(watcher.nextMessage()).isEqualTo(new TestMqttClient.Message(deviceOfB.eventsTopic(),
                    "{\"into\":\"own\"}"));
        }
    }
}
