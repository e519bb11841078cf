package io.atc.audit.checkpoints;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The Ed25519 key that signs checkpoints: from ATC_AUDIT_CHECKPOINT_SIGNING_KEY (base64 PKCS#8,
 * a secret), or, for development, a key generated on first run and kept beside the checkpoints.
 * Its public key is written next to them too, so anyone can verify checkpoints offline.
 */
@ApplicationScoped
public class CheckpointKeys {

    static final String DEV_KEY_FILE = "dev-signing-key.pk8";
    static final String PUBLIC_KEY_FILE = "checkpoint-public-key.txt";

    private static final Logger LOG = Logger.getLogger(CheckpointKeys.class);

    private final PrivateKey signingKey;
    private final PublicKey publicKey;

    public CheckpointKeys(@ConfigProperty(name = "atc.audit.checkpoint.signing-key") Optional<String> configuredKey,
            @ConfigProperty(name = "atc.audit.checkpoint.dir") Path directory) {
        try {
            Files.createDirectories(directory);
            KeyPair pair = configuredKey.filter(key -> !key.isBlank())
                    .map(CheckpointKeys::fromPkcs8)
                    .orElseGet(() -> devKey(directory));
            this.signingKey = pair.getPrivate();
            this.publicKey = pair.getPublic();
            Files.writeString(directory.resolve(PUBLIC_KEY_FILE), publicKeyBase64() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the checkpoint directory " + directory, e);
        }
    }

    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    String sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(signingKey);
            signature.update(message);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a checkpoint", e);
        }
    }

    PublicKey publicKey() {
        return publicKey;
    }

    public static boolean verify(PublicKey key, byte[] message, String signatureBase64) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(message);
            return signature.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a base64 X.509 Ed25519 public key", e);
        }
    }

    private static KeyPair fromPkcs8(String base64) {
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            PrivateKey key = factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64.strip())));
            return new KeyPair(derivePublic(key), key);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("ATC_AUDIT_CHECKPOINT_SIGNING_KEY is not a base64 PKCS#8 Ed25519 key");
        }
    }

    private static KeyPair devKey(Path directory) {
        Path file = directory.resolve(DEV_KEY_FILE);
        try {
            if (Files.isRegularFile(file)) {
                return fromPkcs8(Files.readString(file));
            }
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Files.writeString(file, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            LOG.warnf("ATC_AUDIT_CHECKPOINT_SIGNING_KEY is not set: generated a development checkpoint key in %s;"
                    + " its public key is %s", file, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
            return pair;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot create the development checkpoint key in " + directory, e);
        }
    }

    /** The last 32 bytes of the JDK's Ed25519 PKCS#8 encoding are the private seed. */
    private static PublicKey derivePublic(PrivateKey key) throws GeneralSecurityException {
        byte[] pkcs8 = key.getEncoded();
        byte[] seed = Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length);
        return Ed25519PublicKeys.fromSeed(seed);
    }
}
