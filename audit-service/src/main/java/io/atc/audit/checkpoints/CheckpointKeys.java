package io.atc.audit.checkpoints;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.atc.core.crypto.Ed25519Keys;

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
                    .map(CheckpointKeys::fromConfig)
                    .orElseGet(() -> devKey(directory));
            this.signingKey = pair.getPrivate();
            this.publicKey = pair.getPublic();
            Files.writeString(directory.resolve(PUBLIC_KEY_FILE), publicKeyBase64() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the checkpoint directory " + directory, e);
        }
    }

    public String publicKeyBase64() {
        return Ed25519Keys.base64(publicKey);
    }

    String sign(byte[] message) {
        return Ed25519Keys.sign(signingKey, message);
    }

    PublicKey publicKey() {
        return publicKey;
    }

    public static boolean verify(PublicKey key, byte[] message, String signatureBase64) {
        return Ed25519Keys.verify(key, message, signatureBase64);
    }

    public static PublicKey publicKey(String base64) {
        return Ed25519Keys.publicKey(base64);
    }

    private static KeyPair fromConfig(String base64) {
        try {
            return Ed25519Keys.fromPkcs8(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ATC_AUDIT_CHECKPOINT_SIGNING_KEY is not a base64 PKCS#8 Ed25519 key");
        }
    }

    private static KeyPair devKey(Path directory) {
        Path file = directory.resolve(DEV_KEY_FILE);
        try {
            if (Files.isRegularFile(file)) {
                return Ed25519Keys.fromPkcs8(Files.readString(file));
            }
            KeyPair pair = Ed25519Keys.generate();
            Files.writeString(file, Ed25519Keys.base64(pair.getPrivate()));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            LOG.warnf("ATC_AUDIT_CHECKPOINT_SIGNING_KEY is not set: generated a development checkpoint key in %s;"
                    + " its public key is %s", file, Ed25519Keys.base64(pair.getPublic()));
            return pair;
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the development checkpoint key in " + directory, e);
        }
    }
}
