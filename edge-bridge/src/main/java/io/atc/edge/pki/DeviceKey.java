package io.atc.edge.pki;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Optional;

/** The public key a device certificate will certify, and its private key when the platform generated it. */
record DeviceKey(PublicKey publicKey, Optional<PrivateKey> generatedPrivateKey, KeySource source) {

    static DeviceKey fromCsr(String pem) {
        return new DeviceKey(CertificateRequests.verifiedPublicKey(pem), Optional.empty(), KeySource.CSR);
    }

    static DeviceKey generated() {
        KeyPair pair = CertificateSigning.newP256KeyPair();
        return new DeviceKey(pair.getPublic(), Optional.of(pair.getPrivate()), KeySource.GENERATED);
    }

    @Override
    public String toString() {
        return "DeviceKey[" + source + "]";
    }
}
