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
 * this resource generates; the service under test gets that root (as files, like a mounted secret),
 * a KEK, the broker's CRL file and "kill -HUP <broker pid>" as its reload command, and the broker's
 * dynsec admin. Use together with AtcTestResources.
 */
public class MtlsBroker implements QuarkusTestResourceLifecycleManager {

    private static volatile MtlsBroker current;

    private Path dir;
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
            dir = Files.createTempDirectory("atc-mtls-");
            Instant now = Instant.now();
            root = RootCa.generate(now, Duration.ofDays(365));
            kek = KeyEncryptionKey.generate();
            Path rootKey = write("root-ca.key.pem", Pem.privateKey(root.key()));
            Path rootCert = write("root-ca.crt.pem", Pem.certificate(root.certificate()));
            RootCa.ServerCertificate server = root.issueServerCertificate(List.of("localhost", "127.0.0.1"), now,
                    Duration.ofDays(30));
            Path brokerCert = write("broker.crt", Pem.certificate(server.certificate()));
            Path brokerKey = write("broker.key", Pem.privateKey(server.key()));
            // Mosquitto refuses to start without its CRL file; the service rewrites it at start-up.
            crlFile = write("device-crls.pem", Pem.crl(root.crl(now, Duration.ofDays(7))));
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
                    "atc.mqtt.host", broker.host(),
                    "atc.mqtt.port", String.valueOf(broker.port()),
                    "atc.mqtt.admin-user", broker.adminUser(),
                    "atc.mqtt.admin-password", broker.adminPassword());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        current = null;
        if (mosquitto != null) {
            mosquitto.close();
        }
        if (dir != null) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
