package io.atc.edge.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.atc.devservices.mqtt.TlsListenerFiles;

/**
 * The test JVM's device PKI: a root CA and a KEK, generated once per JVM like the one database, as
 * files (like mounted secrets), with a broker certificate from that root and a first CRL file for
 * the broker's TLS listener. Tenant intermediates stored by one application start must still chain
 * to the root, and open, after the next; a system property carries the directory, since each
 * application start may load this class anew.
 */
public final class TestPkiMaterial {

    private static final String DIR_PROPERTY = "atc.test.edge-pki.material-dir";
    private static TestPkiMaterial shared;

    private final Path dir;
    private final RootCa root;
    private final KeyEncryptionKey kek;

    private TestPkiMaterial(Path dir, RootCa root, KeyEncryptionKey kek) {
        this.dir = dir;
        this.root = root;
        this.kek = kek;
    }

    public static synchronized TestPkiMaterial shared() {
        if (shared == null) {
            shared = loadOrGenerate();
        }
        return shared;
    }

    private static TestPkiMaterial loadOrGenerate() {
        try {
            String existing = System.getProperty(DIR_PROPERTY);
            if (existing != null) {
                Path dir = Path.of(existing);
                RootCa root = RootCa.of(
                        Pem.readCertificate(Files.readString(dir.resolve("root-ca.crt.pem"))),
                        Pem.readPrivateKey(Files.readString(dir.resolve("root-ca.key.pem"))),
                        Instant.now());
                return new TestPkiMaterial(
                        dir, root, KeyEncryptionKey.fromBase64(Files.readString(dir.resolve("kek"))));
            }
            Path dir = Files.createTempDirectory("atc-edge-pki-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(dir), "atc-edge-pki-delete"));
            TestPkiMaterial material = new TestPkiMaterial(
                    dir, RootCa.generate(Instant.now(), Duration.ofDays(365)), KeyEncryptionKey.generate());
            material.write();
            System.setProperty(DIR_PROPERTY, dir.toString());
            return material;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write() throws IOException {
        Instant now = Instant.now();
        RootCa.ServerCertificate server =
                root.issueServerCertificate(List.of("localhost", "127.0.0.1"), now, Duration.ofDays(30));
        Files.writeString(brokerCertFile(), Pem.certificate(server.certificate()));
        Files.writeString(brokerKeyFile(), Pem.privateKey(server.key()));
        Files.writeString(dir.resolve("kek"), kek.base64());
        Files.writeString(rootCertFile(), Pem.certificate(root.certificate()));
        Files.writeString(rootKeyFile(), Pem.privateKey(root.key()));
        // Mosquitto refuses to start without its CRL file; the bridge rewrites it at start-up.
        Files.writeString(crlFile(), Pem.crl(root.crl(now, Duration.ofDays(7))));
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the broker's TLS listener reads: the root alone as CA, its server certificate, the CRL file. */
    public TlsListenerFiles listenerFiles() {
        return new TlsListenerFiles(rootCertFile(), brokerCertFile(), brokerKeyFile(), crlFile());
    }

    public RootCa root() {
        return root;
    }

    public KeyEncryptionKey kek() {
        return kek;
    }

    public String kekBase64() {
        return kek.base64();
    }

    public Path rootKeyFile() {
        return dir.resolve("root-ca.key.pem");
    }

    public Path rootCertFile() {
        return dir.resolve("root-ca.crt.pem");
    }

    /** The file the broker's crlfile names and the bridge rewrites. */
    public Path crlFile() {
        return dir.resolve("device-crls.pem");
    }

    private Path brokerCertFile() {
        return dir.resolve("broker.crt");
    }

    private Path brokerKeyFile() {
        return dir.resolve("broker.key");
    }
}
