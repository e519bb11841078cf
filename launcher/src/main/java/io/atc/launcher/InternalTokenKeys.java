package io.atc.launcher;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * The key pair of the gateway's internal tokens: the configured one, or one made for this run
 * only. The private key goes to the gateway alone; every service gets the public key.
 */
record InternalTokenKeys(String publicKey, String privateKey) {

    static InternalTokenKeys from(Map<String, String> env) {
        String configuredPublic = env.get("ATC_INTERNAL_JWT_PUBLIC_KEY");
        if (configuredPublic != null && !configuredPublic.isBlank()) {
            return new InternalTokenKeys(configuredPublic, env.getOrDefault("ATC_INTERNAL_JWT_PRIVATE_KEY", ""));
        }
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Base64.Encoder base64 = Base64.getEncoder();
            return new InternalTokenKeys(
                    base64.encodeToString(pair.getPublic().getEncoded()),
                    base64.encodeToString(pair.getPrivate().getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK lacks Ed25519", e);
        }
    }
}
