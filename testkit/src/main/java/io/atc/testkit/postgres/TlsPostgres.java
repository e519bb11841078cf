package io.atc.testkit.postgres;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import io.atc.devservices.postgres.EmbeddedPostgresServer;
import io.atc.devservices.postgres.ServerCertificate;

/**
 * An embedded Postgres that offers TLS, for tests of the database TLS settings: its certificate is
 * issued by a test CA ({@link #caFile()}) for the name {@code localhost} only, so that
 * {@link #uri(String)} (by name) passes host-name verification and {@link #uriByAddress(String)}
 * (127.0.0.1, the same server) does not. {@link #otherCaFile()} is a CA that issued nothing here.
 * One per test class: start it in {@code @BeforeAll}, close it in {@code @AfterAll}.
 */
public final class TlsPostgres implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EmbeddedPostgresServer server;
    private final Path files;

    private TlsPostgres(EmbeddedPostgresServer server, Path files) {
        this.server = server;
        this.files = files;
    }

    public static TlsPostgres start() {
        // After a module's @QuarkusTest classes have run, DriverManager can hold no pgjdbc driver this class
        // loader may use ("No suitable driver"): register one of ours again before the harness connects.
        try {
            DriverManager.getDriver("jdbc:postgresql://localhost/postgres");
        } catch (SQLException none) {
            try {
                DriverManager.registerDriver(new org.postgresql.Driver());
            } catch (SQLException e) {
                throw new IllegalStateException("cannot register the Postgres JDBC driver: " + e, e);
            }
        }
        try {
            Path files = Files.createTempDirectory("atc-tls-pg-");
            KeyPair caKeys = rsa();
            X509Certificate ca = caCertificate("CN=ATC test database CA", caKeys);
            KeyPair otherKeys = rsa();
            Files.writeString(files.resolve("ca.pem"), pem(ca), StandardCharsets.US_ASCII);
            Files.writeString(
                    files.resolve("other-ca.pem"),
                    pem(caCertificate("CN=Some other CA", otherKeys)),
                    StandardCharsets.US_ASCII);
            KeyPair serverKeys = rsa();
            X509Certificate certificate = serverCertificate(serverKeys, ca, caKeys);
            EmbeddedPostgresServer server = EmbeddedPostgresServer.startWithTls(
                    new ServerCertificate(pem(certificate), pem(serverKeys.getPrivate())));
            return new TlsPostgres(server, files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue the test certificates: " + e, e);
        }
    }

    /** The server as the harness administers it (by name), to create databases on it. */
    public PostgresServer server() {
        return new PostgresServer("localhost", server.port(), server.superuser(), "", "postgres", "embedded-tls");
    }

    /** The CA that issued the server's certificate, PEM. */
    public Path caFile() {
        return files.resolve("ca.pem");
    }

    /** A CA that did not issue it. */
    public Path otherCaFile() {
        return files.resolve("other-ca.pem");
    }

    /** By the name its certificate carries. */
    public String uri(String database) {
        return "postgresql://localhost:" + server.port() + "/" + database;
    }

    /** The same server by an address its certificate does not name. */
    public String uriByAddress(String database) {
        return "postgresql://127.0.0.1:" + server.port() + "/" + database;
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            try (var paths = Files.walk(files)) {
                paths.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a temp directory left behind harms nothing
            }
        }
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, RANDOM);
        return generator.generateKeyPair();
    }

    private static X509Certificate caCertificate(String name, KeyPair keys)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        X500Name subject = new X500Name(name);
        X509v3CertificateBuilder builder = builder(subject, subject, keys)
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        return sign(builder, keys);
    }

    private static X509Certificate serverCertificate(KeyPair keys, X509Certificate ca, KeyPair caKeys)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        X509v3CertificateBuilder builder = builder(
                        X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()),
                        new X500Name("CN=localhost"),
                        keys)
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(
                        Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                .addExtension(
                        Extension.subjectAlternativeName,
                        false,
                        new GeneralNames(new GeneralName(GeneralName.dNSName, "localhost")));
        return sign(builder, caKeys);
    }

    private static JcaX509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(
                issuer,
                new BigInteger(64, RANDOM),
                Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(Duration.ofDays(2))),
                subject,
                keys.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
            throws GeneralSecurityException, OperatorCreationException {
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer.getPrivate())));
    }

    private static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }
}
