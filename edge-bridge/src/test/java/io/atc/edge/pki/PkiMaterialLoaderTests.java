package io.atc.edge.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.atc.edge.config.EdgeConfig;
import io.atc.testkit.config.ConfigMappings;

/** Where the root CA and KEK come from, and the one line a service that has none refuses with. */
class PkiMaterialLoaderTests {

    @TempDir
    Path dir;

    @Test
    void developmentMaterialIsGeneratedOnFirstRunAndReusedAfter() throws IOException {
        PkiMaterialLoader.Loaded first = new PkiMaterialLoader(
                        config(true, Optional.empty(), Optional.empty(), Optional.empty()), Instant.now())
                .load();
        PkiMaterialLoader.Loaded second = new PkiMaterialLoader(
                        config(true, Optional.empty(), Optional.empty(), Optional.empty()), Instant.now())
                .load();

        assertThat(second.root().fingerprint()).isEqualTo(first.root().fingerprint());
        assertThat(second.kek().id()).isEqualTo(first.kek().id());
        assertThat(Files.getPosixFilePermissions(dir.resolve(PkiMaterialLoader.ROOT_KEY)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(dir.resolve(PkiMaterialLoader.KEK)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        RootCa root = first.root();
        assertThat(Pem.readCertificate(Files.readString(dir.resolve(PkiMaterialLoader.BROKER_CERT)))
                        .getIssuerX500Principal())
                .as("the development broker certificate is issued by the root")
                .isEqualTo(root.certificate().getSubjectX500Principal());
    }

    @Test
    void withoutGeneratingARootAndKekMustBeConfigured() {
        assertThatThrownBy(() -> new PkiMaterialLoader(
                                config(false, Optional.empty(), Optional.empty(), Optional.empty()), Instant.now())
                        .load())
                .isInstanceOf(PkiMaterialLoader.UnusableMaterial.class)
                .hasMessageContaining("ATC_EDGE_PKI_ROOT_KEY_FILE, ATC_EDGE_PKI_ROOT_CERT_FILE, ATC_EDGE_PKI_KEK");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void configuredRootIsLoadedAndAKeyOfAnotherRootIsRefused() throws IOException {
        RootCa root = RootCa.generate(Instant.now(), Duration.ofDays(30));
        RootCa other = RootCa.generate(Instant.now(), Duration.ofDays(30));
        Path cert = Files.writeString(dir.resolve("root.crt"), Pem.certificate(root.certificate()));
        Path key = Files.writeString(dir.resolve("root.key"), Pem.privateKey(root.key()));
        Path otherKey = Files.writeString(dir.resolve("other.key"), Pem.privateKey(other.key()));
        Optional<String> kek = Optional.of(KeyEncryptionKey.generate().base64());

        PkiMaterialLoader.Loaded loaded =
                new PkiMaterialLoader(config(false, Optional.of(key), Optional.of(cert), kek), Instant.now()).load();

        assertThat(loaded.root().fingerprint()).isEqualTo(root.fingerprint());
        assertThatThrownBy(() -> new PkiMaterialLoader(
                                config(false, Optional.of(otherKey), Optional.of(cert), kek), Instant.now())
                        .load())
                .hasMessageContaining("the root key does not belong to the root certificate");
    }

    @Test
    void kekOfTheWrongLengthIsRefusedWithoutEchoingIt() {
        String shortKey = "c2hvcnQta2V5LXZhbHVl";
        assertThatThrownBy(() -> new PkiMaterialLoader(
                                config(true, Optional.empty(), Optional.empty(), Optional.of(shortKey)), Instant.now())
                        .load())
                .hasMessageContaining("must be 32 bytes")
                .hasMessageNotContaining(shortKey);
    }

    /** The real mapping with its own defaults: only what a test varies is set. */
    private EdgeConfig.Pki config(
            boolean generateMissing, Optional<Path> rootKey, Optional<Path> rootCert, Optional<String> kek) {
        Map<String, String> properties = new HashMap<>();
        properties.put("atc.edge.pki.data-dir", dir.toString());
        properties.put("atc.edge.pki.generate-missing", String.valueOf(generateMissing));
        rootKey.ifPresent(file -> properties.put("atc.edge.pki.root-key-file", file.toString()));
        rootCert.ifPresent(file -> properties.put("atc.edge.pki.root-cert-file", file.toString()));
        kek.ifPresent(value -> properties.put("atc.edge.pki.kek", value));
        return ConfigMappings.of(EdgeConfig.class, properties).pki();
    }
}
