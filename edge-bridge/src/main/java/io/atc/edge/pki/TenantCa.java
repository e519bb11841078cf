package io.atc.edge.pki;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

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
        Instant wanted = now.plus(validity);
        Instant caEnd = certificate.getNotAfter().toInstant();
        JcaX509ExtensionUtils extensions = CertificateSigning.extensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, CertificateSigning.newSerial(),
                Date.from(now.minus(CertificateSigning.BACKDATE)), Date.from(wanted.isAfter(caEnd) ? caEnd : wanted),
                DeviceNames.device(tenantId, brokerUsername), devicePublicKey);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(devicePublicKey))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(certificate));
        } catch (CertIOException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        return CertificateSigning.sign(builder, key);
    }

    byte[] crl(List<RevokedCertificate> revoked, long number, Instant now, Duration validity) {
        return CertificateSigning.crl(certificate, key, revoked, number, now, validity);
    }
}
