package io.atc.schema;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The migrator's reading of {@code ATC_DB_SSL_MODE} and {@code ATC_DB_SSL_ROOT_CERT}, by the rules the
 * services and audit-verify follow (io.atc.core.config.DatabaseTls, which this module cannot depend on;
 * audit-service's VerifierAndMigratorReadTlsAlikeTests holds the two together): libpq's modes and
 * meaning, the root cert read only by verify-ca and verify-full and required by them, and no
 * {@code ssl*} parameter inside {@code ATC_DB_URL}.
 *
 * @param mode     libpq's name: disable, allow, prefer, require, verify-ca or verify-full
 * @param rootCert path of a PEM CA bundle
 */
public record DatabaseTls(String mode, Optional<String> rootCert) {

    public static final String MODE_VARIABLE = "ATC_DB_SSL_MODE";
    public static final String ROOT_CERT_VARIABLE = "ATC_DB_SSL_ROOT_CERT";
    public static final List<String> MODES =
            List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    /** libpq's default, and the services': TLS when the server offers it, without verifying it. */
    public static final DatabaseTls DEFAULT = new DatabaseTls("prefer", Optional.empty());

    /** @throws IllegalArgumentException naming the variable to fix */
    public DatabaseTls {
        String given = mode;
        mode = MODES.stream()
                .filter(known -> known.equalsIgnoreCase(given.strip()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        MODE_VARIABLE + " must be one of " + String.join(", ", MODES) + ", got: " + given));
        rootCert = rootCert.map(String::strip).filter(path -> !path.isEmpty());
        if (verifies(mode)) {
            if (rootCert.isEmpty()) {
                throw new IllegalArgumentException(ROOT_CERT_VARIABLE + " is not set: " + MODE_VARIABLE + "=" + mode
                        + " checks the database server's certificate against that CA bundle (a PEM file)");
            }
            requireCertificates(Path.of(rootCert.get()));
        }
    }

    public static DatabaseTls fromEnvironment(Map<String, String> env) {
        String mode = env.get(MODE_VARIABLE);
        return new DatabaseTls(
                mode == null || mode.isBlank() ? DEFAULT.mode() : mode,
                Optional.ofNullable(env.get(ROOT_CERT_VARIABLE)));
    }

    public boolean verifiesCertificate() {
        return verifies(mode);
    }

    private static boolean verifies(String mode) {
        return mode.equals("verify-ca") || mode.equals("verify-full");
    }

    /** The pgjdbc URL parameters (pgjdbc takes libpq's names): {@code sslmode=verify-full&sslrootcert=…}. */
    String jdbcParameters() {
        String parameters = "sslmode=" + mode;
        if (verifiesCertificate()) {
            parameters += "&sslrootcert=" + URLEncoder.encode(rootCert.orElseThrow(), StandardCharsets.UTF_8);
        }
        return parameters;
    }

    /** The first {@code ssl*} query parameter of the URL: TLS is set by the two variables only. */
    static Optional<String> sslParameterOf(String url) {
        int query = url.indexOf('?');
        if (query < 0) {
            return Optional.empty();
        }
        for (String parameter : url.substring(query + 1).split("&")) {
            String name = URLDecoder.decode(parameter.split("=", 2)[0], StandardCharsets.UTF_8)
                    .strip()
                    .toLowerCase(Locale.ROOT);
            if (name.startsWith("ssl")) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    static String sslInUrlProblem(String parameter) {
        return "ATC_DB_URL: carries " + parameter + "; TLS is set only by " + MODE_VARIABLE + " and "
                + ROOT_CERT_VARIABLE + " (they secure every connection: the services' pools and LISTEN"
                + " connections, the migrator, audit-verify): remove it from the URL";
    }

    private static void requireCertificates(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            if (CertificateFactory.getInstance("X.509").generateCertificates(in).isEmpty()) {
                throw new IllegalArgumentException(ROOT_CERT_VARIABLE + ": " + path + " holds no PEM certificate");
            }
        } catch (IOException | CertificateException e) {
            throw new IllegalArgumentException(
                    ROOT_CERT_VARIABLE + ": cannot read a PEM CA bundle from " + path + ": " + e, e);
        }
    }
}
