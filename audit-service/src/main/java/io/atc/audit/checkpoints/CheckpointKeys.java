package io.atc.audit.checkpoints;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.atc.audit.config.AuditConfig;
import io.atc.core.crypto.Ed25519Keys;
import io.atc.core.startup.StartupRefusal;
import io.quarkus.runtime.StartupEvent;

/**
 * The Ed25519 key that signs checkpoints, loaded at start-up from ATC_AUDIT_CHECKPOINT_SIGNING_KEY
 * (base64 PKCS#8, a secret). Without it the service refuses to start: a key kept beside the
 * checkpoints would let whoever can write the checkpoint store forge them. Only a development run
 * (ATC_AUDIT_CHECKPOINT_GENERATE_DEV_KEY, true in the dev and test profiles and under ./run) may
 * fall back to a key generated once in the checkpoint directory.
 * The public key is logged at start: operators hand it to bin/audit-verify.
 */
@ApplicationScoped
public class CheckpointKeys {

    static final String DEV_KEY_FILE = "dev-signing-key.pk8";

    private static final Logger LOG = Logger.getLogger(CheckpointKeys.class);

    private final Optional<String> configuredKey;
    private final boolean generateDevKey;
    private final Path directory;
    private volatile KeyPair pair;

    public CheckpointKeys(AuditConfig config) {
        this.configuredKey = config.checkpoint().signingKey().filter(key -> !key.isBlank());
        this.generateDevKey = config.checkpoint().generateDevKey();
        this.directory = config.checkpoint().dir();
    }

    void onStart(@Observes StartupEvent event) {
        try {
            pair = configuredKey.map(CheckpointKeys::fromConfig).orElseGet(this::devKey);
            LOG.infof(
                    "ATC-AUDIT-CHECKPOINT-KEY checkpoints are signed with Ed25519 public key %s"
                            + " (bin/audit-verify: ATC_AUDIT_CHECKPOINT_PUBLIC_KEY)",
                    publicKeyBase64());
        } catch (UnusableKey e) {
            StartupRefusal.refuse("ATC-STARTUP-CONFIG " + e.getMessage());
        }
    }

    public String publicKeyBase64() {
        return Ed25519Keys.base64(loaded().getPublic());
    }

    String sign(byte[] message) {
        return Ed25519Keys.sign(loaded().getPrivate(), message);
    }

    PublicKey publicKey() {
        return loaded().getPublic();
    }

    private KeyPair loaded() {
        KeyPair current = pair;
        if (current == null) {
            throw new IllegalStateException("the checkpoint signing key is not loaded");
        }
        return current;
    }

    private static KeyPair fromConfig(String base64) {
        try {
            return Ed25519Keys.fromPkcs8(base64);
        } catch (IllegalArgumentException e) {
            throw new UnusableKey("ATC_AUDIT_CHECKPOINT_SIGNING_KEY is not a base64 PKCS#8 Ed25519 private key");
        }
    }

    private KeyPair devKey() {
        if (!generateDevKey) {
            throw new UnusableKey("ATC_AUDIT_CHECKPOINT_SIGNING_KEY is not set: checkpoints must be signed with a key"
                    + " kept outside the checkpoint store (a secret, base64 PKCS#8 Ed25519; docs/audit.md);"
                    + " development runs may set ATC_AUDIT_CHECKPOINT_GENERATE_DEV_KEY=true instead");
        }
        Path file = directory.resolve(DEV_KEY_FILE);
        try {
            if (Files.isRegularFile(file)) {
                return Ed25519Keys.fromPkcs8(Files.readString(file));
            }
            Files.createDirectories(directory);
            KeyPair generated = Ed25519Keys.generate();
            Files.writeString(file, Ed25519Keys.base64(generated.getPrivate()));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            LOG.warnf(
                    "ATC_AUDIT_CHECKPOINT_SIGNING_KEY is not set: generated a development checkpoint key in %s;"
                            + " it protects nothing against whoever can write that directory",
                    file);
            return generated;
        } catch (IOException | IllegalArgumentException e) {
            throw new UnusableKey("cannot use the development checkpoint key in " + directory + ": " + e.getMessage());
        }
    }

    private static final class UnusableKey extends RuntimeException {
        UnusableKey(String message) {
            super(message, null, false, false);
        }
    }
}
