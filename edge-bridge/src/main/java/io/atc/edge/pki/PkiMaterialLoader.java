package io.atc.edge.pki;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.atc.edge.config.EdgeConfig;

/**
 * Finds the root CA and the KEK: from the configured secrets, or, only where generating is allowed
 * (dev, test, ./run), from the data dir, generated there on first run. Errors say what to set and
 * never carry key material.
 */
final class PkiMaterialLoader {

    static final String ROOT_KEY = "root-ca.key.pem";
    static final String ROOT_CERT = "root-ca.crt.pem";
    static final String KEK = "kek";
    static final String BROKER_CERT = "broker.crt";
    static final String BROKER_KEY = "broker.key";

    private static final Logger LOG = Logger.getLogger(PkiMaterialLoader.class);
    private static final Duration DEV_ROOT_VALIDITY = Duration.ofDays(3650);
    private static final Duration DEV_BROKER_VALIDITY = Duration.ofDays(825);

    /** The loaded material. */
    record Loaded(RootCa root, KeyEncryptionKey kek) {}

    /** Why the material cannot be used; the message is the operator's one line. */
    static final class UnusableMaterial extends RuntimeException {
        UnusableMaterial(String message) {
            super(message, null, false, false);
        }
    }

    private final EdgeConfig.Pki config;
    private final Instant now;

    PkiMaterialLoader(EdgeConfig.Pki config, Instant now) {
        this.config = config;
        this.now = now;
    }

    Loaded load() {
        refuseWhatIsMissing();
        RootCa root = config.rootKeyFile().isPresent() ? configuredRoot() : developmentRoot();
        KeyEncryptionKey kek = config.kek()
                .filter(value -> !value.isBlank())
                .map(PkiMaterialLoader::configuredKek)
                .orElseGet(this::developmentKek);
        return new Loaded(root, kek);
    }

    private void refuseWhatIsMissing() {
        if (config.rootKeyFile().isPresent() != config.rootCertFile().isPresent()) {
            throw new UnusableMaterial(
                    "set both ATC_EDGE_PKI_ROOT_KEY_FILE and ATC_EDGE_PKI_ROOT_CERT_FILE, or neither");
        }
        if (config.generateMissing()) {
            return;
        }
        List<String> missing = new ArrayList<>();
        if (config.rootKeyFile().isEmpty()) {
            missing.add("ATC_EDGE_PKI_ROOT_KEY_FILE");
            missing.add("ATC_EDGE_PKI_ROOT_CERT_FILE");
        }
        if (config.kek().filter(value -> !value.isBlank()).isEmpty()) {
            missing.add("ATC_EDGE_PKI_KEK");
        }
        if (!missing.isEmpty()) {
            throw new UnusableMaterial(
                    "the device PKI has no " + (missing.size() == 1 ? "key-encryption key" : "root CA")
                            + ": set " + String.join(", ", missing)
                            + " (secrets; development runs may set ATC_EDGE_PKI_GENERATE_MISSING=true instead)");
        }
    }

    private RootCa configuredRoot() {
        Path keyFile = config.rootKeyFile().orElseThrow();
        Path certFile = config.rootCertFile().orElseThrow();
        RootCa root = root(read(keyFile, "ATC_EDGE_PKI_ROOT_KEY_FILE"), read(certFile, "ATC_EDGE_PKI_ROOT_CERT_FILE"));
        LOG.infof(
                "Device PKI root CA %s, SHA-256 fingerprint %s",
                root.certificate().getSubjectX500Principal(), root.fingerprint());
        return root;
    }

    private RootCa developmentRoot() {
        Path dir = config.dataDir();
        Path keyFile = dir.resolve(ROOT_KEY);
        Path certFile = dir.resolve(ROOT_CERT);
        if (Files.isRegularFile(keyFile) && Files.isRegularFile(certFile)) {
            RootCa root =
                    root(read(keyFile, "the development root key"), read(certFile, "the development root certificate"));
            ensureDevelopmentBrokerCertificate(root);
            return root;
        }
        RootCa root = RootCa.generate(now, DEV_ROOT_VALIDITY);
        writeSecret(keyFile, Pem.privateKey(root.key()));
        write(certFile, Pem.certificate(root.certificate()));
        ensureDevelopmentBrokerCertificate(root);
        LOG.warnf(
                "ATC_EDGE_PKI_ROOT_KEY_FILE is not set: generated a development root CA in %s,"
                        + " SHA-256 fingerprint %s. Never use it in production.",
                dir, root.fingerprint());
        return root;
    }

    /** A development broker gets a server certificate from the development root, so its TLS listener can start. */
    private void ensureDevelopmentBrokerCertificate(RootCa root) {
        Path certFile = config.dataDir().resolve(BROKER_CERT);
        if (Files.isRegularFile(certFile)) {
            return;
        }
        RootCa.ServerCertificate broker =
                root.issueServerCertificate(config.brokerServerNames(), now, DEV_BROKER_VALIDITY);
        writeSecret(config.dataDir().resolve(BROKER_KEY), Pem.privateKey(broker.key()));
        write(certFile, Pem.certificate(broker.certificate()));
    }

    private KeyEncryptionKey developmentKek() {
        Path file = config.dataDir().resolve(KEK);
        if (Files.isRegularFile(file)) {
            try {
                return KeyEncryptionKey.fromBase64(read(file, "the development KEK"));
            } catch (IllegalArgumentException e) {
                throw new UnusableMaterial("the development KEK in " + file + " is unusable: " + e.getMessage());
            }
        }
        KeyEncryptionKey kek = KeyEncryptionKey.generate();
        writeSecret(file, kek.base64() + "\n");
        LOG.warnf(
                "ATC_EDGE_PKI_KEK is not set: generated a development key-encryption key in %s (id %s)."
                        + " Never use it in production.",
                file, kek.id());
        return kek;
    }

    private static KeyEncryptionKey configuredKek(String base64) {
        try {
            return KeyEncryptionKey.fromBase64(base64);
        } catch (IllegalArgumentException e) {
            throw new UnusableMaterial(e.getMessage());
        }
    }

    private RootCa root(String keyPem, String certPem) {
        try {
            return RootCa.of(Pem.readCertificate(certPem), Pem.readPrivateKey(keyPem), now);
        } catch (IllegalArgumentException e) {
            throw new UnusableMaterial("the device PKI root CA is unusable: " + e.getMessage());
        }
    }

    private static String read(Path file, String what) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UnusableMaterial("cannot read " + what + " " + file + ": " + describe(e));
        }
    }

    private static void writeSecret(Path file, String content) {
        write(file, "");
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | UnsupportedOperationException e) {
            throw new UnusableMaterial("cannot restrict " + file + " to its owner: " + e.getMessage());
        }
        write(file, content);
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UnusableMaterial("cannot write " + file + ": " + describe(e));
        }
    }

    private static String describe(IOException e) {
        return Optional.ofNullable(e.getMessage())
                .map(message -> e.getClass().getSimpleName() + " " + message)
                .orElse(e.getClass().getSimpleName());
    }
}
