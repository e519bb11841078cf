package io.atc.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;

/** What ATC_DB_SSL_MODE and ATC_DB_SSL_ROOT_CERT mean, before any connection is tried. */
class DatabaseTlsSettingsTests {

    private static final String URL = "postgresql://db.example:5432/atc";

    @TempDir
    Path dir;

    @Test
    void theDefaultIsPreferLikeLibpq() {
        DatabaseTls tls = DatabaseTls.fromEnvironment(Map.of());
        assertThat(tls.mode()).isEqualTo(DatabaseSslMode.PREFER);
        assertThat(tls.problem(URL)).isEmpty();
        assertThat(tls.jdbcProperties()).containsExactly(Map.entry("sslmode", "prefer"));
    }

    @Test
    void aVerifyModeWithoutACaBundleIsRefusedNamingTheVariable() {
        for (DatabaseSslMode mode : new DatabaseSslMode[] {DatabaseSslMode.VERIFY_CA, DatabaseSslMode.VERIFY_FULL}) {
            assertThat(new DatabaseTls(mode, Optional.of("  ")).problem(URL))
                    .hasValue("ATC_DB_SSL_ROOT_CERT is not set: ATC_DB_SSL_MODE=" + mode.setting()
                            + " checks the database server's certificate against that CA bundle (a PEM file)");
        }
    }

    @Test
    void aCaBundleThatCannotBeReadOrHoldsNoCertificateIsRefused() throws IOException {
        assertThat(new DatabaseTls(
                                DatabaseSslMode.VERIFY_FULL,
                                Optional.of(dir.resolve("missing.pem").toString()))
                        .problem(URL))
                .hasValueSatisfying(problem ->
                        assertThat(problem).startsWith("ATC_DB_SSL_ROOT_CERT: cannot read a PEM CA bundle from "));
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        assertThat(new DatabaseTls(DatabaseSslMode.VERIFY_FULL, Optional.of(empty.toString())).problem(URL))
                .hasValueSatisfying(problem -> assertThat(problem).startsWith("ATC_DB_SSL_ROOT_CERT:"));
    }

    @Test
    void modesThatDoNotVerifyNeedNoCaBundle() {
        for (DatabaseSslMode mode : new DatabaseSslMode[] {
            DatabaseSslMode.DISABLE, DatabaseSslMode.ALLOW, DatabaseSslMode.PREFER, DatabaseSslMode.REQUIRE
        }) {
            assertThat(new DatabaseTls(mode, Optional.empty()).problem(URL))
                    .as(mode.setting())
                    .isEmpty();
        }
    }

    /** One rule: TLS comes from the two settings only, so a URL parameter can never make two clients disagree. */
    @Test
    void anySslParameterInsideTheUrlIsRefused() {
        DatabaseTls tls = new DatabaseTls(DatabaseSslMode.PREFER, Optional.empty());
        assertThat(tls.problem(URL + "?sslmode=disable")).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith(
                        "ATC_DB_URL: carries sslmode; TLS is set only by ATC_DB_SSL_MODE and ATC_DB_SSL_ROOT_CERT"));
        assertThat(tls.problem(URL + "?prepareThreshold=-1&SSLRootCert=/x")).isPresent();
        assertThat(tls.problem("postgresql://a:5432/atc,postgresql://b:5432/atc?ssl=true"))
                .isPresent();
        assertThat(tls.problem(URL + "?prepareThreshold=-1")).isEmpty();
    }

    @Test
    void libpqNamesAreReadAndOthersRefused() {
        assertThat(DatabaseSslMode.parse("verify-full")).isEqualTo(DatabaseSslMode.VERIFY_FULL);
        assertThat(DatabaseSslMode.parse(" Verify-CA ")).isEqualTo(DatabaseSslMode.VERIFY_CA);
        assertThatThrownBy(() -> DatabaseTls.fromEnvironment(Map.of("ATC_DB_SSL_MODE", "verify_full")))
                .hasMessage("ATC_DB_SSL_MODE must be one of disable, allow, prefer, require, verify-ca, verify-full,"
                        + " got: verify_full");
    }

    @Test
    void verifyFullChecksTheCaAndTheHostNameAndVerifyCaOnlyTheCa() {
        PgConnectOptions full = new DatabaseTls(DatabaseSslMode.VERIFY_FULL, Optional.of("/ca.pem"))
                .applyTo(PgConnectOptions.fromUri(URL));
        assertThat(full.getSslMode()).isEqualTo(SslMode.VERIFY_FULL);
        assertThat(full.isTrustAll()).isFalse();
        assertThat(full.getTrustOptions()).isNotNull();
        assertThat(full.getHostnameVerificationAlgorithm()).isEqualTo("HTTPS");
        PgConnectOptions ca = new DatabaseTls(DatabaseSslMode.VERIFY_CA, Optional.of("/ca.pem"))
                .applyTo(PgConnectOptions.fromUri(URL));
        assertThat(ca.getHostnameVerificationAlgorithm()).isEmpty();
        assertThat(new DatabaseTls(DatabaseSslMode.VERIFY_FULL, Optional.of("/ca.pem")).jdbcProperties())
                .containsExactly(Map.entry("sslmode", "verify-full"), Map.entry("sslrootcert", "/ca.pem"));
        assertThat(new DatabaseTls(DatabaseSslMode.REQUIRE, Optional.of("/ca.pem")).jdbcProperties())
                .containsExactly(Map.entry("sslmode", "require"));
    }
}
