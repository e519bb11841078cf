package io.atc.edge.pki;

import java.io.IOException;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Set;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;

import io.atc.core.errors.ProblemException;

/**
 * Device CSRs. A CSR only proves that its sender holds the private key of the public key inside: its
 * signature is checked, and everything else it asks for (subject, extensions) is ignored, because
 * the platform alone decides what a device certificate says.
 */
final class CertificateRequests {

    static final String FIELD = "csr";
    private static final Set<ASN1ObjectIdentifier> CURVES =
            Set.of(SECObjectIdentifiers.secp256r1, SECObjectIdentifiers.secp384r1);
    private static final int MIN_RSA_BITS = 2048;

    private CertificateRequests() {}

    /** The CSR's public key, once its signature verifies; 422 for anything else. */
    static PublicKey verifiedPublicKey(String pem) {
        PKCS10CertificationRequest csr;
        try {
            csr = Pem.readCsr(pem);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(FIELD, "must be a PEM certificate signing request (" + e.getMessage() + ")");
        }
        SubjectPublicKeyInfo keyInfo = csr.getSubjectPublicKeyInfo();
        PublicKey key = acceptableKey(keyInfo);
        if (!signatureVerifies(csr, key)) {
            throw ProblemException.invalid(FIELD, "its signature does not verify with the public key it carries");
        }
        return key;
    }

    private static PublicKey acceptableKey(SubjectPublicKeyInfo keyInfo) {
        ASN1ObjectIdentifier algorithm = keyInfo.getAlgorithm().getAlgorithm();
        PublicKey key;
        try {
            key = new JcaPEMKeyConverter().getPublicKey(keyInfo);
        } catch (IOException | RuntimeException e) {
            throw ProblemException.invalid(FIELD, "its public key does not decode");
        }
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)
                && CURVES.contains(keyInfo.getAlgorithm().getParameters())) {
            return key;
        }
        if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)
                && key instanceof RSAPublicKey rsa
                && rsa.getModulus().bitLength() >= MIN_RSA_BITS) {
            return key;
        }
        throw ProblemException.invalid(FIELD, "the key must be EC P-256 or P-384, or RSA of at least 2048 bits");
    }

    private static boolean signatureVerifies(PKCS10CertificationRequest csr, PublicKey key) {
        try {
            return csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key));
        } catch (OperatorCreationException | PKCSException | RuntimeException e) {
            return false;
        }
    }
}
