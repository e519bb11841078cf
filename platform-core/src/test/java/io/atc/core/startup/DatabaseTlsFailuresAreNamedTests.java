package io.atc.core.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.atc.core.config.DatabaseSslMode;
import io.atc.core.config.DatabaseTls;
import io.vertx.core.VertxException;

/**
 * A refused TLS connection says which setting to look at, as Vert.x reports it (the messages the
 * TLS tests against a real server see: EveryConnectionHonoursDatabaseTlsTests), not a bare class name.
 */
class DatabaseTlsFailuresAreNamedTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final DatabaseTls VERIFY_FULL = new DatabaseTls(DatabaseSslMode.VERIFY_FULL, Optional.of("/ca.pem"));

    @Test
    void aRefusedCertificate() {
        assertThat(DatabaseFailures.describe(
                        new IllegalStateException(new VertxException("SSL handshake failed", true)),
                        TIMEOUT,
                        VERIFY_FULL))
                .startsWith("the TLS handshake failed (ATC_DB_SSL_MODE=verify-full: the server's certificate must be"
                        + " issued by a CA in ATC_DB_SSL_ROOT_CERT and name the host of ATC_DB_URL)");
    }

    @Test
    void aServerWithoutTls() {
        assertThat(DatabaseFailures.describe(
                        new Exception("Postgres Server does not handle SSL connection"),
                        TIMEOUT,
                        new DatabaseTls(DatabaseSslMode.REQUIRE, Optional.empty())))
                .isEqualTo("the server does not offer TLS, which ATC_DB_SSL_MODE=require requires");
    }
}
