package io.atc.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.vertx.core.net.PemTrustOptions;
import io.vertx.pgclient.PgConnectOptions;

/**
 * How every connection a service (or audit-verify) opens to the database is secured: the pool, each
 * LISTEN connection, the verifier's JDBC connection. {@code ATC_DB_SSL_MODE} and {@code ATC_DB_SSL_ROOT_CERT}
 * are the only TLS settings: an {@code ssl*} parameter inside {@code ATC_DB_URL} is refused rather than
 * merged, so that the services, the migrator and the verifier can never disagree on it. The migrator
 * (schema, which cannot depend on this module) reads the same two variables by the same rules in
 * io.atc.schema.DatabaseTls; audit-service's VerifierAndMigratorReadTlsAlikeTests holds them together.
 *
 * @param rootCert path of a PEM CA bundle; read only by verify-ca and verify-full
 */
public record DatabaseTls(DatabaseSslMode mode, Optional<String> rootCert) {

    public static final String MODE_VARIABLE = "ATC_DB_SSL_MODE";
    public static final String ROOT_CERT_VARIABLE = "ATC_DB_SSL_ROOT_CERT";

    /** libpq's default too: TLS when the server offers it, so a local Postgres without TLS still works. */
    public static final DatabaseSslMode DEFAULT_MODE = DatabaseSslMode.PREFER;

    public DatabaseTls {
        rootCert = rootCert.map(String::strip).filter(path -> !path.isEmpty());
    }

    public static DatabaseTls of(DatabaseConfig database) {
        return new DatabaseTls(database.sslMode(), database.sslRootCert());
    }

    /** @throws IllegalArgumentException for a mode libpq does not know */
    public static DatabaseTls fromEnvironment(Map<String, String> env) {
        String mode = env.get(MODE_VARIABLE);
        return new DatabaseTls(
                mode == null || mode.isBlank() ? DEFAULT_MODE : DatabaseSslMode.parse(mode),
                Optional.ofNullable(env.get(ROOT_CERT_VARIABLE)));
    }

    /**
     * Why these settings (with this {@code ATC_DB_URL}) cannot be used, naming the variable to fix; empty
     * when they can. A caller refuses to start on it: connecting anyway would fail on every attempt.
     */
    public Optional<String> problem(String url) {
        return rootCertProblem().or(() -> sslParameterOf(url)
                .map(parameter -> "ATC_DB_URL: carries " + parameter + "; TLS is set only by " + MODE_VARIABLE
                        + " and " + ROOT_CERT_VARIABLE + " (they secure every connection: the services' pools and"
                        + " LISTEN connections, the migrator, audit-verify): remove it from the URL"));
    }

    private Optional<String> rootCertProblem() {
        if (!mode.verifiesCertificate()) {
            return Optional.empty();
        }
        if (rootCert.isEmpty()) {
            return Optional.of(ROOT_CERT_VARIABLE + " is not set: " + MODE_VARIABLE + "=" + mode.setting()
                    + " checks the database server's certificate against that CA bundle (a PEM file)");
        }
        Path path = Path.of(rootCert.get());
        try (InputStream in = Files.newInputStream(path)) {
            if (CertificateFactory.getInstance("X.509").generateCertificates(in).isEmpty()) {
                return Optional.of(ROOT_CERT_VARIABLE + ": " + path + " holds no PEM certificate");
            }
        } catch (IOException | CertificateException e) {
            return Optional.of(ROOT_CERT_VARIABLE + ": cannot read a PEM CA bundle from " + path + ": " + e);
        }
        return Optional.empty();
    }

    /**
     * The Vert.x options of one server, secured as set. Without a usable root cert a verify mode is left
     * without trust options: Vert.x then refuses every connection rather than trust anyone.
     */
    public PgConnectOptions applyTo(PgConnectOptions options) {
        options.setSslMode(mode.vertx());
        switch (mode) {
            case DISABLE -> options.setSsl(false);
            // As libpq: these encrypt but do not ask who the server is.
            case ALLOW, PREFER, REQUIRE -> options.setTrustAll(true).setHostnameVerificationAlgorithm("");
            case VERIFY_CA, VERIFY_FULL -> {
                options.setTrustAll(false)
                        .setHostnameVerificationAlgorithm(mode == DatabaseSslMode.VERIFY_FULL ? "HTTPS" : "");
                rootCert.ifPresent(path -> options.setTrustOptions(new PemTrustOptions().addCertPath(path)));
            }
        }
        return options;
    }

    /** pgjdbc's properties for the same settings (pgjdbc takes libpq's names and meaning). */
    public Map<String, String> jdbcProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("sslmode", mode.setting());
        if (mode.verifiesCertificate()) {
            rootCert.ifPresent(path -> properties.put("sslrootcert", path));
        }
        return properties;
    }

    /** The first {@code ssl*} query parameter of any server in the (comma-separated) URL. */
    static Optional<String> sslParameterOf(String url) {
        for (String server : url.split(",")) {
            int query = server.indexOf('?');
            if (query < 0) {
                continue;
            }
            for (String parameter : server.substring(query + 1).split("&")) {
                String name = URLDecoder.decode(parameter.split("=", 2)[0], StandardCharsets.UTF_8)
                        .strip()
                        .toLowerCase(Locale.ROOT);
                if (name.startsWith("ssl")) {
                    return Optional.of(name);
                }
            }
        }
        return Optional.empty();
    }
}
