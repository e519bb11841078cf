package io.atc.edge.pki;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;

/** A tenant's intermediate CA, its key opened for the duration of one unit of work. */
final class TenantCa {

    private final UUID tenantId;
    private final X509Certificate certificate;
    private final PrivateKey key;

    TenantCa(UUID tenantId, X509Certificate certificate, PrivateKey key) {
        this.tenantId = tenantId;
        this.certificate = certificate;
        this.key = key;
    }

    UUID tenantId() {
        return tenantId;
    }

    X509Certificate certificate() {
        return certificate;
    }

    PrivateKey key() {
        return key;
    }

    /**
     * A client certificate for a device. The subject is always the platform's
     * {@code CN=<broker username>, OU=t-<tenant>, O=ATC Edge}, whatever the requester asked for.
     */
    X509Certificate issueDevice(String brokerUsername, PublicKey devicePublicKey, Instant now, Duration validity) {
        return CertificateSigning.issue(
                certificate,
                key,
                DeviceNames.device(tenantId, brokerUsername),
                devicePublicKey,
                now,
                validity,
                builder -> builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                        .addExtension(
                                Extension.extendedKeyUsage,
                                false,
                                new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth)));
    }

    byte[] crl(List<RevokedCertificate> revoked, long number, Instant now, Duration validity) {
        return CertificateSigning.crl(certificate, key, revoked, number, now, validity);
    }
}
