package io.atc.edge.pki;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/** Client certificates an attacker mints with a CA key they hold, with whatever subject they like. */
final class ForgedCertificates {

    /** A device certificate and its key. */
    record Forged(X509Certificate certificate, PrivateKey key, X509Certificate issuer) {

        String chainPem() {
            return Pem.certificate(certificate) + Pem.certificate(issuer);
        }
    }

    private ForgedCertificates() {}

    static X500Name deviceSubject(UUID claimedTenant, String claimedBrokerUsername) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, "ATC Edge")
                .addRDN(BCStyle.OU, "t-" + claimedTenant)
                .addRDN(BCStyle.CN, claimedBrokerUsername)
                .build();
    }

    /** A client certificate signed by its own key. */
    static Forged selfSigned(X500Name subject) {
        KeyPair pair = CertificateSigning.newP256KeyPair();
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                subject,
                CertificateSigning.newSerial(),
                Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(now.plus(Duration.ofDays(1))),
                subject,
                pair.getPublic());
        X509Certificate certificate = CertificateSigning.sign(builder, pair.getPrivate());
        return new Forged(certificate, pair.getPrivate(), certificate);
    }

    /** A client certificate as a well-behaved CA would make it, but for {@code subject}. */
    static Forged issue(X509Certificate issuer, PrivateKey issuerKey, X500Name subject) {
        return issue(issuer, issuerKey, subject, false);
    }

    /** A CA certificate under {@code issuer}. */
    static Forged issueCa(X509Certificate issuer, PrivateKey issuerKey, X500Name subject) {
        return issue(issuer, issuerKey, subject, true);
    }

    private static Forged issue(X509Certificate issuer, PrivateKey issuerKey, X500Name subject, boolean ca) {
        KeyPair pair = CertificateSigning.newP256KeyPair();
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                issuer,
                CertificateSigning.newSerial(),
                Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(now.plus(Duration.ofDays(1))),
                subject,
                pair.getPublic());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca))
                    .addExtension(
                            Extension.keyUsage,
                            true,
                            new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature))
                    .addExtension(
                            Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth))
                    .addExtension(
                            Extension.authorityKeyIdentifier,
                            false,
                            CertificateSigning.extensionUtils().createAuthorityKeyIdentifier(issuer));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return new Forged(CertificateSigning.sign(builder, issuerKey), pair.getPrivate(), issuer);
    }
}
