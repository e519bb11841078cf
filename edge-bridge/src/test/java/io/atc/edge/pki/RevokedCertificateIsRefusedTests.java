package io.atc.edge.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.atc.edge.support.BrokerAdmin;
import io.atc.edge.support.DeviceApi;
import io.atc.edge.support.EdgeBridgeTestResources;
import io.atc.edge.support.RegisteredDevice;
import io.atc.edge.support.TestBroker;
import io.atc.testkit.mqtt.TestMqttClient;
import io.atc.testkit.orgs.SyntheticOrganisation;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A revoked certificate no longer gets a device onto the broker, on two independent grounds:
 * <ul>
 * <li>the CRL: the service rewrites the broker's CRL file and runs its reload command, which here
 * (TestBroker) is {@code kill -HUP <broker pid>}; Mosquitto 2.0 re-reads {@code crlfile} on SIGHUP,
 * and the API answers only after that, so the very next handshake is checked against the new CRL;</li>
 * <li>the certificate login: the dynsec client named by the subject is deleted (revocation) or its
 * sessions are dropped (rotation, where the new certificate keeps the subject), since SIGHUP does
 * not end sessions that are already open.</li>
 * </ul>
 */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
class RevokedCertificateIsRefusedTests {

    @Inject
    CrlPublisher crlPublisher;

    /**
     * Breaks when: a rotation does not rewrite the CRL file and have the broker reload it (checked
     * with a no-op reload command: the rotated-out certificate still connects), or does not drop the
     * sessions of the old certificate.
     */
    @Test
    void rotatedOutCertificateIsRefusedAndItsSessionDropped() {
        RegisteredDevice device = newDevice();
        JsonPath first = DeviceCertificatesApi.issue(device);
        TestMqttClient onFirst = BrokerAdmin.connectTls(DeviceCertificatesApi.identity(first));

        JsonPath second = DeviceCertificatesApi.issue(device);

        assertThat(second.getList("revokedSerials")).containsExactly(first.getString("serial"));
        assertThat(onFirst.awaitDisconnected(Duration.ofSeconds(5)))
                .as("the old session is dropped")
                .isTrue();
        MtlsAttempts.assertRefusedAtHandshake(DeviceCertificatesApi.identity(first));
        try (TestMqttClient watcher = BrokerAdmin.admin();
                TestMqttClient onSecond = BrokerAdmin.connectTls(DeviceCertificatesApi.identity(second))) {
            assertThat(watcher.subscribe(device.topic("#"))).containsExactly(1);
            onSecond.publish(device.topic("events"), "{\"on\":\"second\"}");
            assertThat(watcher.nextMessage().payload()).isEqualTo("{\"on\":\"second\"}");
        }
    }

    /**
     * Breaks when: the broker is not made to reload the CRL after a revocation (checked with a no-op
     * reload command: the handshake then succeeds), or revocation leaves the certificate's dynsec
     * client in place (checked: the open session then stays).
     */
    @Test
    void revokedCertificateIsRefusedAtTheHandshakeAndItsBrokerLoginIsGone() {
        RegisteredDevice device = newDevice();
        JsonPath issued = DeviceCertificatesApi.issue(device);
        TestMqttClient connected = BrokerAdmin.connectTls(DeviceCertificatesApi.identity(issued));

        JsonPath revoked = DeviceCertificatesApi.revoke(device);

        assertThat(revoked.getList("revokedSerials")).containsExactly(issued.getString("serial"));
        assertThat(connected.awaitDisconnected(Duration.ofSeconds(5)))
                .as("its session is dropped")
                .isTrue();
        assertThat(BrokerAdmin.clientExists(device.certificateUsername())).isFalse();
        MtlsAttempts.assertRefusedAtHandshake(DeviceCertificatesApi.identity(issued));
    }

    /**
     * The broker's CRL can be stale: a reload that was missed, or one that failed (Mosquitto 2.0
     * keeps accepting every certificate when a SIGHUP finds the CRL file unreadable). The revoked
     * device then completes the handshake, but has no broker login left to publish with.
     * Breaks when: revocation leaves the certificate's dynsec client in place (checked: the revoked
     * device's publish then reaches the subscriber).
     */
    @Test
    void revokedDeviceCannotPublishEvenWhenTheBrokerMissedTheCrl() throws IOException {
        RegisteredDevice device = newDevice();
        JsonPath issued = DeviceCertificatesApi.issue(device);
        String crlBeforeRevocation = Files.readString(TestPkiMaterial.shared().crlFile());
        DeviceCertificatesApi.revoke(device);
        try {
            Files.writeString(TestPkiMaterial.shared().crlFile(), crlBeforeRevocation);
            TestBroker.reload();

            try (TestMqttClient watcher = BrokerAdmin.admin();
                    TestMqttClient revokedDevice = BrokerAdmin.connectTls(DeviceCertificatesApi.identity(issued))) {
                assertThat(watcher.subscribe(device.topic("#"))).containsExactly(1);
                revokedDevice.publish(device.topic("events"), "{\"revoked\":true}");
                assertThat(watcher.pollMessage(Duration.ofMillis(500))).isEmpty();
            }
        } finally {
            crlPublisher.publish().await().atMost(Duration.ofSeconds(10));
        }
        MtlsAttempts.assertRefusedAtHandshake(DeviceCertificatesApi.identity(issued));
    }

    private static RegisteredDevice newDevice() {
        SyntheticOrganisation a =
                SyntheticOrganisations.in(TestDatabase.shared()).a();
        return DeviceApi.registerAt(a, 1);
    }
}
