package io.atc.edge.pki;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/**
 * The platform root CA: the only certificate the broker's mTLS listener trusts. It signs tenant
 * intermediates (each constrained to its tenant's names), the broker's server certificate and its
 * own CRL, and nothing else.
 */
public final class RootCa {

    private final X509Certificate certificate;
    private final PrivateKey key;

    private RootCa(X509Certificate certificate, PrivateKey key) {
        this.certificate = certificate;
        this.key = key;
    }

    /** A root from configured material, refused unless it is a current CA certificate and the key is its own. */
    public static RootCa of(X509Certificate certificate, PrivateKey key, Instant now) {
        if (certificate.getBasicConstraints() < 0) {
            throw new IllegalArgumentException("the root certificate is not a CA certificate (basicConstraints)");
        }
        try {
            certificate.checkValidity(Date.from(now));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new IllegalArgumentException("the root certificate is not valid now (" + certificate.getNotBefore()
                    + " to " + certificate.getNotAfter() + ")");
        }
        if (!CertificateSigning.pairs(key, certificate.getPublicKey())) {
            throw new IllegalArgumentException("the root key does not belong to the root certificate");
        }
        return new RootCa(certificate, key);
    }

    /** A new self-signed root (development and tests). */
    public static RootCa generate(Instant now, Duration validity) {
        KeyPair pair = CertificateSigning.newP256KeyPair();
        X500Name name = DeviceNames.root();
        JcaX509ExtensionUtils extensions = CertificateSigning.extensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                name,
                CertificateSigning.newSerial(),
                Date.from(now.minus(CertificateSigning.BACKDATE)),
                Date.from(now.plus(validity)),
                name,
                pair.getPublic());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(1))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(
                            Extension.subjectKeyIdentifier,
                            false,
                            extensions.createSubjectKeyIdentifier(pair.getPublic()));
        } catch (CertIOException e) {
            throw new IllegalStateException(e);
        }
        return new RootCa(CertificateSigning.sign(builder, pair.getPrivate()), pair.getPrivate());
    }

    public X509Certificate certificate() {
        return certificate;
    }

    PrivateKey key() {
        return key;
    }

    public String fingerprint() {
        return CertificateSigning.fingerprint(certificate);
    }

    /**
     * A tenant's intermediate: may sign only end-entity certificates (path length 0) whose subject
     * lies under {@code O=ATC Edge, OU=t-<tenant>} (a critical name constraint), so a certificate it
     * signs for another tenant's names fails the chain check at the broker.
     */
    TenantCa newTenantCa(UUID tenantId, Instant now, Duration validity) {
        KeyPair pair = CertificateSigning.newP256KeyPair();
        NameConstraints tenantNamesOnly = new NameConstraints(
                new GeneralSubtree[] {new GeneralSubtree(new GeneralName(DeviceNames.tenantSubtree(tenantId)))}, null);
        X509Certificate issued = CertificateSigning.issue(
                certificate,
                key,
                DeviceNames.tenantCa(tenantId),
                pair.getPublic(),
                now,
                validity,
                builder -> builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                        .addExtension(Extension.nameConstraints, true, tenantNamesOnly));
        return new TenantCa(tenantId, issued, pair.getPrivate());
    }

    /** The broker's TLS server certificate, for the given DNS names and IP addresses. */
    public ServerCertificate issueServerCertificate(List<String> names, Instant now, Duration validity) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("the broker certificate needs at least one DNS name or IP address");
        }
        KeyPair pair = CertificateSigning.newP256KeyPair();
        X509Certificate issued = CertificateSigning.issue(
                certificate,
                key,
                DeviceNames.brokerServer(names.get(0)),
                pair.getPublic(),
                now,
                validity,
                builder -> builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                        .addExtension(
                                Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                        .addExtension(Extension.subjectAlternativeName, false, alternativeNames(names)));
        return new ServerCertificate(issued, pair.getPrivate());
    }

    /** The root's own CRL: it revokes nothing, and keeps the broker's CRL file valid before any tenant CA exists. */
    public byte[] crl(Instant now, Duration validity) {
        return CertificateSigning.crl(certificate, key, List.of(), now.getEpochSecond(), now, validity);
    }

    private static GeneralNames alternativeNames(List<String> names) {
        return new GeneralNames(names.stream().map(RootCa::alternativeName).toArray(GeneralName[]::new));
    }

    private static GeneralName alternativeName(String name) {
        if (name.matches("[0-9.]+") || name.contains(":")) {
            try {
                return new GeneralName(
                        GeneralName.iPAddress, InetAddress.getByName(name).getHostAddress());
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not an IP address: " + name);
            }
        }
        return new GeneralName(GeneralName.dNSName, name);
    }

    /** A certificate with its private key, e.g. the broker's. */
    public record ServerCertificate(X509Certificate certificate, PrivateKey key) {

        @Override
        public String toString() {
            return "ServerCertificate[" + certificate.getSubjectX500Principal() + ", key=***]";
        }
    }
}
