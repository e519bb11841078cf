package io.atc.edge.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.UUID;

import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
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
import io.restassured.response.Response;

/**
 * A CSR proves possession of a key and nothing more: whatever subject and extensions it asks for,
 * the certificate says what the platform decides. A CSR whose signature does not verify, or with a
 * weak key, is refused with 422.
 * Breaks when: DeviceCertificates copies the CSR's subject or extensions into the certificate, or
 * CertificateRequests stops checking the signature (checked: the mismatched CSR is then signed).
 */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
class CsrSubjectIsSetByThePlatformTests {

    @Test
    void forgedSubjectAndExtensionsAreReplacedAndTheDeviceKeepsItsKey() throws Exception {
        SyntheticOrganisations orgs = SyntheticOrganisations.in(TestDatabase.shared());
        RegisteredDevice device = DeviceApi.registerAt(orgs.a(), 0);
        KeyPair deviceKey = CertificateSigning.newP256KeyPair();
        X500Name forged = ForgedCertificates.deviceSubject(orgs.b().tenantId(), "d-" + UUID.randomUUID());

        Response response = DeviceCertificatesApi.issueWithCsr(
                device, csr(forged, deviceKey.getPublic(), deviceKey.getPrivate(), true));

        response.then().statusCode(201);
        JsonPath issued = response.jsonPath();
        X509Certificate certificate = Pem.readCertificate(issued.getString("certificateChain"));
        assertThat(issued.getString("subject")).isEqualTo(device.certificateUsername());
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo(device.certificateUsername());
        assertThat(certificate.getPublicKey()).isEqualTo(deviceKey.getPublic());
        assertThat(certificate.getBasicConstraints())
                .as("not a CA, though the CSR asked to be")
                .isEqualTo(-1);
        assertThat(certificate.getSubjectAlternativeNames())
                .as("no alternative names from the CSR")
                .isNull();
        assertThat(issued.getString("privateKey"))
                .as("the device kept its key; none is returned")
                .isNull();
        try (TestMqttClient connected = BrokerAdmin.connectTls(
                DeviceCertificatesApi.identity(issued.getString("certificateChain"), deviceKey.getPrivate()))) {
            connected.publish(device.topic("events"), "{}");
        }
    }

    @Test
    void csrSignedByAnotherKeyIsRefused() throws Exception {
        RegisteredDevice device = someDevice();
        KeyPair claimed = CertificateSigning.newP256KeyPair();
        KeyPair signer = CertificateSigning.newP256KeyPair();

        DeviceCertificatesApi.issueWithCsr(
                        device, csr(new X500Name("CN=x"), claimed.getPublic(), signer.getPrivate(), false))
                .then()
                .statusCode(422)
                .body("detail", containsString("signature does not verify"));
    }

    @Test
    void weakOrMalformedRequestsAreRefused() throws Exception {
        RegisteredDevice device = someDevice();
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        KeyPair weak = rsa.generateKeyPair();

        DeviceCertificatesApi.issueWithCsr(
                        device, csr(new X500Name("CN=x"), weak.getPublic(), weak.getPrivate(), false))
                .then()
                .statusCode(422)
                .body("detail", containsString("RSA of at least 2048 bits"));
        DeviceCertificatesApi.issueWithCsr(
                        device, "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n")
                .then()
                .statusCode(422);
        DeviceCertificatesApi.issueWithCsr(device, "not PEM at all")
                .then()
                .statusCode(422)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("csr"));
    }

    private static RegisteredDevice someDevice() {
        SyntheticOrganisations orgs = SyntheticOrganisations.in(TestDatabase.shared());
        return DeviceApi.registerAt(orgs.a(), 0);
    }

    private static String csr(X500Name subject, PublicKey key, PrivateKey signer, boolean askForCaAndNames)
            throws Exception {
        JcaPKCS10CertificationRequestBuilder builder = new JcaPKCS10CertificationRequestBuilder(subject, key);
        if (askForCaAndNames) {
            ExtensionsGenerator wanted = new ExtensionsGenerator();
            wanted.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            wanted.addExtension(
                    Extension.subjectAlternativeName,
                    false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, "broker.example")));
            builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, wanted.generate());
        }
        String algorithm = "RSA".equals(signer.getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA";
        PKCS10CertificationRequest csr = builder.build(new JcaContentSignerBuilder(algorithm).build(signer));
        return Pem.encode("CERTIFICATE REQUEST", csr.getEncoded());
    }
}
