package io.atc.edge.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

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
 * Disabling or deleting a device through the devices API stops its certificate as well as its
 * password, although the certificate itself stays valid (disabling revokes nothing): its mTLS session
 * is dropped at once and a new one can do nothing, because the device's certificate login is
 * deleted. Mosquitto 2.0 lets any certificate chaining to the root complete the handshake, and its
 * disableClient does not stop a certificate login, so the login is all that stands in the way.
 * Enabling the device gives the login back only while it holds a valid certificate.
 * Breaks when: disabling or deleting leaves the certificate client in place (checked for each by
 * leaving out its deletion: the mTLS session stayed up), or enabling does not grant the login again
 * (checked: the re-enabled device's publish was dropped).
 */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
class DisabledOrDeletedDeviceLosesItsCertificateLoginTests {

    private static final Duration PROMPTLY = Duration.ofSeconds(5);

    @Test
    void aDisabledDeviceCannotPublishWithItsCertificateUntilEnabled() {
        RegisteredDevice device = DeviceApi.registerAt(
                SyntheticOrganisations.in(TestDatabase.shared()).a(), 1);
        JsonPath issued = DeviceCertificatesApi.issue(device);
        TestMqttClient session = BrokerAdmin.connectTls(DeviceCertificatesApi.identity(issued));

        DeviceApi.patch(device, "{\"enabled\":false}").then().statusCode(200);

        assertThat(session.awaitDisconnected(PROMPTLY))
                .as("the mTLS session is dropped")
                .isTrue();
        assertThat(BrokerAdmin.clientExists(device.certificateUsername())).isFalse();
        assertThat(publishArrives(device, issued))
                .as("a new mTLS session of the disabled device")
                .isFalse();

        DeviceApi.patch(device, "{\"enabled\":true}").then().statusCode(200);

        assertThat(publishArrives(device, issued)).as("after enabling").isTrue();
    }

    @Test
    void enablingADeviceWithoutAValidCertificateGivesItNoCertificateLogin() {
        RegisteredDevice device = DeviceApi.registerAt(
                SyntheticOrganisations.in(TestDatabase.shared()).b(), 1);
        JsonPath issued = DeviceCertificatesApi.issue(device);
        DeviceApi.patch(device, "{\"enabled\":false}").then().statusCode(200);
        DeviceCertificatesApi.revoke(device);

        DeviceApi.patch(device, "{\"enabled\":true}").then().statusCode(200);

        assertThat(BrokerAdmin.clientExists(device.certificateUsername())).isFalse();
        MtlsAttempts.assertRefusedAtHandshake(DeviceCertificatesApi.identity(issued));
        assertThat(BrokerAdmin.accepts(device)).as("its password login is back").isTrue();
    }

    @Test
    void aDeletedDeviceLosesItsCertificateLoginAndItsRole() {
        RegisteredDevice device = DeviceApi.registerAt(
                SyntheticOrganisations.in(TestDatabase.shared()).a(), 1);
        JsonPath issued = DeviceCertificatesApi.issue(device);
        TestMqttClient session = BrokerAdmin.connectTls(DeviceCertificatesApi.identity(issued));

        DeviceApi.delete(device).then().statusCode(204);

        assertThat(session.awaitDisconnected(PROMPTLY))
                .as("the mTLS session is dropped")
                .isTrue();
        assertThat(BrokerAdmin.clientExists(device.certificateUsername())).isFalse();
        assertThat(BrokerAdmin.clientExists(device.username())).isFalse();
        assertThat(BrokerAdmin.roleExists(device.username())).isFalse();
    }

    /** Whether a publish over a new mTLS session with the issued certificate reaches a subscriber. */
    private static boolean publishArrives(RegisteredDevice device, JsonPath issued) {
        try (TestMqttClient watcher = BrokerAdmin.admin();
                TestMqttClient certified = BrokerAdmin.connectTls(DeviceCertificatesApi.identity(issued))) {
            assertThat(watcher.subscribe(device.topic("#"))).containsExactly(1);
            certified.publish(device.topic("events"), "{\"certified\":true}");
            return watcher.pollMessage(Duration.ofMillis(500)).isPresent();
        }
    }
}
