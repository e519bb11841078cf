package io.atc.edge.pki;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.atc.edge.support.DeviceApi;
import io.atc.edge.support.EdgeBridgeTestResources;
import io.atc.edge.support.RegisteredDevice;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The mTLS listener trusts the platform root alone: a CA of anyone else's making (a tenant's own CA,
 * say), even one that copies the platform's names exactly, gets no certificate through the handshake.
 * Breaks when: the broker's cafile holds another CA besides the platform root (checked by appending
 * the foreign root to it, and its intermediate's CRL to the CRL file: the handshake then succeeds).
 * Without that CRL the broker still refuses: it wants a CRL from every leaf's issuer.
 */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
class CertificateNotChainingToTheRootIsRefusedTests {

    @Test
    void lookalikeChainFromAForeignRootIsRefusedAtTheHandshake() {
        RegisteredDevice deviceOfA = DeviceApi.registerAt(
                SyntheticOrganisations.in(TestDatabase.shared()).a(), 0);
        UUID tenantA = deviceOfA.tenantId();
        Instant now = Instant.now();
        RootCa foreignRoot = RootCa.generate(now, Duration.ofDays(30));
        TenantCa foreignIntermediate = foreignRoot.newTenantCa(tenantA, now, Duration.ofDays(30));
        ForgedCertificates.Forged forged = ForgedCertificates.issue(
                foreignIntermediate.certificate(),
                foreignIntermediate.key(),
                ForgedCertificates.deviceSubject(tenantA, deviceOfA.username()));

        MtlsAttempts.assertRefusedAtHandshake(DeviceCertificatesApi.identity(forged.chainPem(), forged.key()));
    }

    @Test
    void selfSignedDeviceCertificateIsRefusedAtTheHandshake() {
        UUID tenantA = SyntheticOrganisations.in(TestDatabase.shared()).a().tenantId();
        ForgedCertificates.Forged selfSigned =
                ForgedCertificates.selfSigned(ForgedCertificates.deviceSubject(tenantA, "d-" + UUID.randomUUID()));

        MtlsAttempts.assertRefusedAtHandshake(
                DeviceCertificatesApi.identity(Pem.certificate(selfSigned.certificate()), selfSigned.key()));
    }
}
