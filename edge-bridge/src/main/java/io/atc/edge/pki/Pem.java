package io.atc.edge.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/** PEM in and out: certificates, CRLs, private keys (PKCS#8 out; PKCS#8, SEC1 or PKCS#1 in) and CSRs. */
public final class Pem {

    private static final Base64.Encoder BODY = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private Pem() {}

    public static String encode(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + BODY.encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    public static String certificate(X509Certificate certificate) {
        try {
            return encode("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateException e) {
            throw new IllegalStateException("cannot encode a certificate", e);
        }
    }

    public static String crl(byte[] der) {
        return encode("X509 CRL", der);
    }

    public static String privateKey(PrivateKey key) {
        return encode("PRIVATE KEY", key.getEncoded());
    }

    public static X509Certificate readCertificate(String pem) {
        return certificate(pem.getBytes(StandardCharsets.US_ASCII));
    }

    static X509Certificate certificate(byte[] pemOrDer) {
        try {
            return (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(pemOrDer));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not an X.509 certificate");
        }
    }

    /** Never echoes the input in its error. */
    public static PrivateKey readPrivateKey(String pem) {
        Object parsed = parse(pem);
        try {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (parsed instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (parsed instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not a usable private key");
        }
        throw new IllegalArgumentException("not an unencrypted PEM private key");
    }

    /** A PEM "CERTIFICATE REQUEST"; fails when the text holds anything else. */
    static PKCS10CertificationRequest readCsr(String pem) {
        Object parsed = parse(pem);
        if (parsed instanceof PKCS10CertificationRequest csr) {
            return csr;
        }
        throw new IllegalArgumentException("not a PEM certificate signing request");
    }

    private static Object parse(String pem) {
        Object parsed;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            parsed = parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("malformed PEM");
        }
        if (parsed == null) {
            throw new IllegalArgumentException("no PEM object found");
        }
        return parsed;
    }
}
