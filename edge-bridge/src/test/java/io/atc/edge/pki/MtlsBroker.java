package io.atc.edge.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.atc.devservices.mqtt.MosquittoConfig;
import io.atc.devservices.mqtt.MosquittoProcess;
import io.atc.devservices.mqtt.MqttBroker;
import io.atc.devservices.mqtt.TlsListenerFiles;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A Mosquitto of its own, run from the project's config with its TLS listener, trusting a root CA
 * generated once per test JVM; the service under test gets that root (as files, like a mounted
 * secret), a KEK, the broker's CRL file and "kill -HUP <broker pid>" as its reload command, and the
 * broker's dynsec admin. Use together with AtcTestResources.
 */
public class MtlsBroker implements QuarkusTestResourceLifecycleManager {

    private static final String MATERIAL_DIR_PROPERTY = "atc.test.mtls.material-dir";
    private static volatile MtlsBroker current;

    private MosquittoProcess mosquitto;
    private RootCa root;
    private KeyEncryptionKey kek;
    private Path crlFile;

    /** The broker of the running test application. */
    public static MtlsBroker current() {
        MtlsBroker broker = current;
        if (broker == null) {
            throw new IllegalStateException("MtlsBroker is not started: annotate the test with"
                    + " @QuarkusTestResource(MtlsBroker.class)");
        }
        return broker;
    }

    @Override
    public Map<String, String> start() {
        try {
            Path dir = materialDir();
            Path rootKey = dir.resolve("root-ca.key.pem");
            Path rootCert = dir.resolve("root-ca.crt.pem");
            Path kekFile = dir.resolve("kek");
            Path brokerCert = dir.resolve("broker.crt");
            Path brokerKey = dir.resolve("broker.key");
            crlFile = dir.resolve("device-crls.pem");
            Instant now = Instant.now();
            if (Files.isRegularFile(rootKey)) {
                root = RootCa.of(Pem.readCertificate(Files.readString(rootCert)), Pem.readPrivateKey(Files.readString(rootKey)),
                        now);
                kek = KeyEncryptionKey.fromBase64(Files.readString(kekFile));
            } else {
                root = RootCa.generate(now, Duration.ofDays(365));
                kek = KeyEncryptionKey.generate();
                RootCa.ServerCertificate server = root.issueServerCertificate(List.of("localhost", "127.0.0.1"), now,
                        Duration.ofDays(30));
                Files.writeString(brokerCert, Pem.certificate(server.certificate()));
                Files.writeString(brokerKey, Pem.privateKey(server.key()));
                Files.writeString(kekFile, kek.base64());
                Files.writeString(rootCert, Pem.certificate(root.certificate()));
                Files.writeString(rootKey, Pem.privateKey(root.key()));
                // Mosquitto refuses to start without its CRL file; the service rewrites it at start-up.
                Files.writeString(crlFile, Pem.crl(root.crl(now, Duration.ofDays(7))));
            }
            mosquitto = MosquittoProcess.startWithTls(MosquittoConfig.locateProjectFile(),
                    new TlsListenerFiles(rootCert, brokerCert, brokerKey, crlFile));
            current = this;
            MqttBroker broker = mosquitto.broker();
            return Map.of(
                    "atc.edge.pki.root-key-file", rootKey.toString(),
                    "atc.edge.pki.root-cert-file", rootCert.toString(),
                    "atc.edge.pki.kek", kek.base64(),
                    "atc.edge.pki.crl-file", crlFile.toString(),
                    "atc.edge.pki.crl-reload-command", "kill -HUP " + mosquitto.pid(),
                    "atc.edge.broker.host", broker.host(),
                    "atc.edge.broker.port", String.valueOf(broker.port()),
                    "atc.edge.broker.admin-username", broker.adminUser(),
                    "atc.edge.broker.admin-password", broker.adminPassword());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One root CA and KEK per test JVM, like the one database: tenant intermediates stored by one
     * application start must still chain to the root, and open, after the next. A system property
     * carries the directory, since each application start may load this class anew.
     */
    private static synchronized Path materialDir() throws IOException {
        String existing = System.getProperty(MATERIAL_DIR_PROPERTY);
        if (existing != null) {
            return Path.of(existing);
        }
        Path created = Files.createTempDirectory("atc-mtls-");
        System.setProperty(MATERIAL_DIR_PROPERTY, created.toString());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(created), "atc-mtls-material-delete"));
        return created;
    }

    @Override
    public void stop() {
        current = null;
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public MqttBroker broker() {
        return mosquitto.broker();
    }

    public String host() {
        return mosquitto.broker().host();
    }

    public int tlsPort() {
        return mosquitto.tlsPort();
    }

    public RootCa root() {
        return root;
    }

    public KeyEncryptionKey kek() {
        return kek;
    }

    public Path crlFile() {
        return crlFile;
    }

    /** Makes the broker re-read its CRL file, as the service's reload command does. */
    public void reload() {
        try {
            Process kill = new ProcessBuilder("kill", "-HUP", String.valueOf(mosquitto.pid())).start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -HUP failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String log() {
        try {
            return Files.readString(mosquitto.log());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
