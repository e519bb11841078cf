package io.atc.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.atc.deploy.Renderings.Pod;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;

/**
 * deploy/scripts/create-secrets.sh makes every Secret key the chart reads, in the form the services
 * read it: Ed25519 pairs that pair, a root CA that is a CA and owns its key, a broker certificate the
 * root signed for the given name, a 32-byte KEK, passwords without a trailing newline.
 */
class CreateSecretsScriptMakesWhatTheChartReadsTests {

    private static final Path SCRIPT = Renderings.DEPLOY_DIR.resolve("scripts/create-secrets.sh");

    @TempDir
    static Path work;

    private static Map<String, Map<String, byte[]>> secrets;

    @BeforeAll
    static void runTheScript() throws Exception {
        LocalTools.require("openssl", "kubectl");
        Path ca = work.resolve("database-ca.pem");
        Files.writeString(
                ca,
                LocalTools.output(List.of(
                        "openssl",
                        "req",
                        "-x509",
                        "-newkey",
                        "ec",
                        "-pkeyopt",
                        "ec_paramgen_curve:P-256",
                        "-nodes",
                        "-keyout",
                        work.resolve("ca.key").toString(),
                        "-subj",
                        "/CN=database test CA",
                        "-days",
                        "1")));
        secrets = parse(LocalTools.output(List.of(
                SCRIPT.toString(),
                "--database-ca",
                ca.toString(),
                "--broker-host",
                "mqtt.example.com",
                "--broker-host",
                "mqtt2.example.com")));
    }

    @Test
    void everySecretKeyTheDefaultRenderingReadsIsMade() {
        Set<String> read = new TreeSet<>();
        for (Pod pod : Renderings.pods(Renderings.of("default"))) {
            for (Container container : pod.allContainers()) {
                for (EnvVar env : container.getEnv()) {
                    if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                        read.add(env.getValueFrom().getSecretKeyRef().getName() + "/"
                                + env.getValueFrom().getSecretKeyRef().getKey());
                    }
                }
            }
            pod.spec().getVolumes().stream()
                    .filter(volume -> volume.getSecret() != null)
                    .forEach(volume -> {
                        if (volume.getSecret().getItems() == null) {
                            read.add(volume.getSecret().getSecretName() + "/tls.crt");
                            read.add(volume.getSecret().getSecretName() + "/tls.key");
                        } else {
                            volume.getSecret()
                                    .getItems()
                                    .forEach(
                                            item -> read.add(volume.getSecret().getSecretName() + "/" + item.getKey()));
                        }
                    });
        }
        Set<String> made = new TreeSet<>();
        secrets.forEach((name, data) -> data.keySet().forEach(key -> made.add(name + "/" + key)));

        assertThat(read).isNotEmpty();
        assertThat(made).containsAll(read);
    }

    @Test
    void theEd25519PairsPairAndAreInTheFormTheServicesRead() throws Exception {
        assertPair(
                secrets.get("atc-internal-token").get("private-key"),
                secrets.get("atc-internal-token").get("public-key"));
        assertPair(
                secrets.get("atc-audit-checkpoint").get("signing-key"),
                secrets.get("atc-audit-checkpoint").get("public-key"));
        assertThat(ed25519Private(secrets.get("atc-keys").get("console-session-signing-key"))
                        .getAlgorithm())
                .isIn("Ed25519", "EdDSA");
    }

    @Test
    void theDeviceRootIsACaThatOwnsItsKeyAndSignedTheBrokersCertificate() throws Exception {
        Map<String, byte[]> pki = secrets.get("atc-device-pki");
        X509Certificate root = certificate(pki.get("root-ca.crt"));
        assertThat(root.getBasicConstraints()).isEqualTo(1);
        assertThat(root.getSubjectX500Principal().getName()).isEqualTo("CN=ATC Edge Root CA,O=ATC Edge");
        PrivateKey rootKey =
                KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pem(pki.get("root-ca.key"))));
        assertSigns(rootKey, root.getPublicKey(), "SHA256withECDSA");
        assertThat(Base64.getDecoder().decode(pki.get("kek"))).hasSize(32);

        X509Certificate broker = certificate(secrets.get("atc-broker-tls").get("tls.crt"));
        broker.verify(root.getPublicKey());
        assertThat(broker.getBasicConstraints()).isEqualTo(-1);
        assertThat(broker.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1");
        assertThat(broker.getSubjectAlternativeNames())
                .extracting(name -> (Object) name.get(1))
                .containsExactly("mqtt.example.com", "mqtt2.example.com");
    }

    @Test
    void passwordsAndTokensAreLongAndHaveNoTrailingNewline() {
        Map<String, Integer> minimumLengths = Map.of(
                "atc-database/owner-password", 32,
                "atc-database/app-password", 32,
                "atc-database/retention-password", 32,
                "atc-broker/admin-password", 32,
                "atc-broker/ingest-password", 32,
                "atc-keys/operator-token", 32);
        minimumLengths.forEach((key, length) -> {
            String value = new String(value(key), StandardCharsets.UTF_8);
            assertThat(value).as(key).hasSizeGreaterThanOrEqualTo(length).doesNotContain("\n", " ");
        });
        assertThat(Base64.getDecoder().decode(value("atc-keys/pepper"))).hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void eachRunMakesNewSecrets() throws Exception {
        Map<String, Map<String, byte[]>> again = parse(LocalTools.output(List.of(
                SCRIPT.toString(),
                "--database-ca",
                work.resolve("database-ca.pem").toString(),
                "--no-broker-tls")));
        assertThat(again).doesNotContainKey("atc-broker-tls");
        assertThat(again.get("atc-internal-token").get("private-key"))
                .isNotEqualTo(secrets.get("atc-internal-token").get("private-key"));
        assertThat(again.get("atc-database").get("app-password"))
                .isNotEqualTo(secrets.get("atc-database").get("app-password"));
    }

    private byte[] value(String nameAndKey) {
        String[] parts = nameAndKey.split("/");
        return secrets.get(parts[0]).get(parts[1]);
    }

    private static void assertPair(byte[] privateKey, byte[] publicKey) throws Exception {
        PrivateKey key = ed25519Private(privateKey);
        PublicKey pub = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
        assertSigns(key, pub, "Ed25519");
    }

    private static PrivateKey ed25519Private(byte[] base64) throws Exception {
        return KeyFactory.getInstance("Ed25519")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static void assertSigns(PrivateKey key, PublicKey pub, String algorithm) throws Exception {
        byte[] message = "atc".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(message);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(pub);
        verifier.update(message);
        assertThat(verifier.verify(signature))
                .as("the private key pairs with the public key")
                .isTrue();
    }

    private static X509Certificate certificate(byte[] pem) throws Exception {
        return (X509Certificate)
                CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(pem));
    }

    private static byte[] pem(byte[] pem) {
        String body = new String(pem, StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z ]+-----", "")
                .replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    private static Map<String, Map<String, byte[]>> parse(String yaml) {
        Map<String, Map<String, byte[]>> byName = new HashMap<>();
        for (HasMetadata object : RenderedObjects.parse(yaml)) {
            Secret secret = (Secret) object;
            Map<String, byte[]> data = new HashMap<>();
            secret.getData()
                    .forEach((key, value) -> data.put(key, Base64.getDecoder().decode(value)));
            byName.put(secret.getMetadata().getName(), data);
        }
        return byName;
    }
}
