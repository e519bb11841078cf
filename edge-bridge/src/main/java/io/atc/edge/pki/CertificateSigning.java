package io.atc.edge.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** What every issuer of the device PKI does alike: serials, keys, signatures, fingerprints, CRLs. */
final class CertificateSigning {

    /** Devices and brokers whose clocks lag a little still accept a certificate issued just now. */
    static final Duration BACKDATE = Duration.ofMinutes(5);

    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateSigning() {}

    /** 128 random bits, positive: unpredictable, and well within RFC 5280's 20 octets. */
    static BigInteger newSerial() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return new BigInteger(1, bytes);
    }

    static String hex(BigInteger serial) {
        return serial.toString(16);
    }

    static KeyPair newP256KeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException | InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("EC P-256 is unavailable", e);
        }
    }

    static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateException e) {
            throw new IllegalStateException("cannot fingerprint a certificate", e);
        }
    }

    static JcaX509ExtensionUtils extensionUtils() {
        try {
            return new JcaX509ExtensionUtils();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The extensions that say what kind of certificate an issued one is (CA, server, client). */
    @FunctionalInterface
    interface CertificateKind {
        void addTo(X509v3CertificateBuilder builder) throws CertIOException;
    }

    /**
     * A certificate the issuer signs for {@code subjectKey}: backdated by {@link #BACKDATE}, valid for
     * {@code validity} but never past the issuer's own end, with the extensions of its kind followed
     * by the subject's and the issuer's key identifiers.
     */
    static X509Certificate issue(
            X509Certificate issuer,
            PrivateKey issuerKey,
            X500Name subject,
            PublicKey subjectKey,
            Instant now,
            Duration validity,
            CertificateKind kind) {
        Instant wanted = now.plus(validity);
        Instant issuerEnd = issuer.getNotAfter().toInstant();
        JcaX509ExtensionUtils extensions = extensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                issuer,
                newSerial(),
                Date.from(now.minus(BACKDATE)),
                Date.from(wanted.isAfter(issuerEnd) ? issuerEnd : wanted),
                subject,
                subjectKey);
        try {
            kind.addTo(builder);
            builder.addExtension(
                            Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(subjectKey))
                    .addExtension(
                            Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(issuer));
        } catch (CertIOException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        return sign(builder, issuerKey);
    }

    static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey) {
        try {
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer(issuerKey)));
        } catch (CertificateException e) {
            throw new IllegalStateException("cannot build a certificate", e);
        }
    }

    static byte[] crl(
            X509Certificate issuer,
            PrivateKey issuerKey,
            List<RevokedCertificate> revoked,
            long number,
            Instant now,
            Duration validity) {
        X509v2CRLBuilder builder = new X509v2CRLBuilder(
                X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()), Date.from(now));
        builder.setNextUpdate(Date.from(now.plus(validity)));
        for (RevokedCertificate entry : revoked) {
            builder.addCRLEntry(
                    new BigInteger(entry.serial(), 16),
                    Date.from(entry.revokedAt()),
                    entry.reason().crlReason());
        }
        try {
            builder.addExtension(
                    Extension.authorityKeyIdentifier, false, extensionUtils().createAuthorityKeyIdentifier(issuer));
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(number)));
            X509CRLHolder crl = builder.build(signer(issuerKey));
            return crl.getEncoded();
        } catch (CertificateException | IOException e) {
            throw new IllegalStateException("cannot build a CRL", e);
        }
    }

    /** Whether {@code key} is the private half of {@code publicKey}: it signs, the public key verifies. */
    static boolean pairs(PrivateKey key, PublicKey publicKey) {
        try {
            String algorithm = signatureAlgorithm(key);
            byte[] probe = new byte[32];
            RANDOM.nextBytes(probe);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static ContentSigner signer(PrivateKey key) {
        try {
            return new JcaContentSignerBuilder(signatureAlgorithm(key)).build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign with a " + key.getAlgorithm() + " key", e);
        }
    }

    private static String signatureAlgorithm(PrivateKey key) {
        if (key instanceof ECPrivateKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize() > 256 ? "SHA384withECDSA" : "SHA256withECDSA";
        }
        if ("RSA".equals(key.getAlgorithm())) {
            return "SHA256withRSA";
        }
        throw new IllegalArgumentException("CA keys must be EC or RSA, not " + key.getAlgorithm());
    }
}
