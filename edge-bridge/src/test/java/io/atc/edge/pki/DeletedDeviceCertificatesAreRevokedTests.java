package io.atc.edge.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.atc.edge.support.DeviceApi;
import io.atc.edge.support.DeviceRows;
import io.atc.edge.support.EdgeBridgeTestResources;
import io.atc.edge.support.RegisteredDevice;
import io.atc.testkit.orgs.SyntheticOrganisation;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Whatever code deletes a device, its certificates are revoked in the same transaction, and the
 * CRL publisher's next round puts them in the CRL the broker checks. A revocation cannot be undone.
 * Breaks when: the delete trigger of V9 is dropped (checked: the CRL then does not list the
 * certificate), or the refresher only looks at CRL expiry.
 */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
class DeletedDeviceCertificatesAreRevokedTests {

    @Inject
    CrlPublisher crlPublisher;

    @Test
    void deletingTheDeviceRowRevokesItsCertificateAtTheBroker() throws Exception {
        SyntheticOrganisation a =
                SyntheticOrganisations.in(TestDatabase.shared()).a();
        RegisteredDevice device = DeviceApi.registerAt(a, 0);
        JsonPath issued = DeviceCertificatesApi.issue(device);
        X509Certificate certificate = Pem.readCertificate(issued.getString("certificateChain"));

        DeviceRows.delete(device);
        crlPublisher.refreshDue().call(crlPublisher::publish).await().atMost(Duration.ofSeconds(10));

        assertThat(revokedInTheCrlFile(certificate)).isTrue();
        MtlsAttempts.assertRefusedAtHandshake(DeviceCertificatesApi.identity(issued));
        assertThatThrownBy(() -> DeviceRows.unrevokeCertificate(device)).hasMessageContaining("cannot be undone");
    }

    private static boolean revokedInTheCrlFile(X509Certificate certificate) throws Exception {
        byte[] file = Files.readAllBytes(TestPkiMaterial.shared().crlFile());
        for (var crl : CertificateFactory.getInstance("X.509").generateCRLs(new ByteArrayInputStream(file))) {
            X509CRL x509 = (X509CRL) crl;
            if (x509.getIssuerX500Principal().equals(certificate.getIssuerX500Principal())) {
                return x509.isRevoked(certificate);
            }
        }
        throw new AssertionError("no CRL of " + certificate.getIssuerX500Principal() + " in the CRL file");
    }
}
