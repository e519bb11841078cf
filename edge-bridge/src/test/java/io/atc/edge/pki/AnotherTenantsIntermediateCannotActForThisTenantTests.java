package io.atc.edge.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
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

/**
 * Tenant B's intermediate CA, in an attacker's hands (database read as the owner, plus the KEK),
 * still cannot produce a certificate that acts for tenant A on the shared mTLS listener.
 */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
class AnotherTenantsIntermediateCannotActForThisTenantTests {

    private static RegisteredDevice deviceOfA;
    private static TenantCa intermediateOfB;

    /** Once, before the first test (RestAssured knows the application's port only from then on). */
    @BeforeEach
    void twoTenantsWithCertifiedDevices() {
        if (intermediateOfB != null) {
            return;
        }
        SyntheticOrganisations orgs = SyntheticOrganisations.in(TestDatabase.shared());
        deviceOfA = DeviceApi.registerAt(orgs.a(), 0);
        RegisteredDevice deviceOfB = DeviceApi.registerAt(orgs.b(), 0);
        DeviceCertificatesApi.issue(deviceOfA);
        DeviceCertificatesApi.issue(deviceOfB);
        intermediateOfB = StoredTenantCas.open(
                orgs.b().tenantId(), TestPkiMaterial.shared().kek());
    }

    /**
     * B's CA signs A's exact subject, A's device's broker name included. The name constraint in B's
     * intermediate (permitted: O=ATC Edge, OU=t-B) makes the broker fail the chain.
     * Breaks when: RootCa.newTenantCa leaves out the name-constraints extension (checked): the
     * handshake then succeeds and the broker names the client after A's device.
     */
    @Test
    void certificateClaimingTenantAsNamesIsRefusedAtTheHandshake() {
        ForgedCertificates.Forged forged = ForgedCertificates.issue(
                intermediateOfB.certificate(),
                intermediateOfB.key(),
                ForgedCertificates.deviceSubject(deviceOfA.tenantId(), deviceOfA.username()));

        MtlsAttempts.assertRefusedAtHandshake(DeviceCertificatesApi.identity(forged.chainPem(), forged.key()));
    }

    /**
     * Within its own names, B's CA can still put A's device's CN in a subject; the broker username is
     * the whole subject, "CN=d-<A's device>,OU=t-<B>,O=ATC Edge", which nobody provisioned: it may
     * connect, but dynsec denies it every publish.
     * Breaks when: the listener uses use_identity_as_username (CN only) instead of
     * use_subject_as_username (checked in the project's mosquitto.conf: the broker then names the
     * impostor d-<A's device>, A's device's password client, and the forged publish reaches A's topic).
     */
    @Test
    void certificateWithAsDeviceNameUnderBsNamesCannotPublishForA() {
        ForgedCertificates.Forged forged = ForgedCertificates.issue(
                intermediateOfB.certificate(),
                intermediateOfB.key(),
                ForgedCertificates.deviceSubject(intermediateOfB.tenantId(), deviceOfA.username()));

        try (TestMqttClient watcher = BrokerAdmin.admin();
                TestMqttClient impostor =
                        BrokerAdmin.connectTls(DeviceCertificatesApi.identity(forged.chainPem(), forged.key()))) {
            assertThat(watcher.subscribe("atc/#")).containsExactly(1);

            impostor.publish(deviceOfA.topic("events"), "{\"forged\":true}");
            assertThat(watcher.pollMessage(Duration.ofMillis(500))).isEmpty();
        }
    }
}
