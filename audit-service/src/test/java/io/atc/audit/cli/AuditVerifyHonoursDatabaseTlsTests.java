package io.atc.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.atc.schema.DatabaseTls;
import io.atc.testkit.postgres.TestDatabase;
import io.atc.testkit.postgres.TlsPostgres;

/**
 * audit-verify against a real Postgres that offers TLS (one for the class): under verify-full it reads
 * the database with the CA that issued the server's certificate, and refuses (exit 2) another CA, an
 * address the certificate does not name (which verify-ca accepts) and a verify mode without a CA bundle.
 * Breaks when: the verifier's JDBC connection ignores ATC_DB_SSL_MODE or ATC_DB_SSL_ROOT_CERT.
 */
class AuditVerifyHonoursDatabaseTlsTests {

    private static TlsPostgres server;
    private static TestDatabase database;

    @BeforeAll
    static void start() {
        server = TlsPostgres.start();
        database = TestDatabase.create(
                server.server(),
                new DatabaseTls("verify-full", Optional.of(server.caFile().toString())));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void readsTheDatabaseUnderVerifyFullWithTheRightCa() {
        Run run = verify(server.uri(database.name()), "verify-full", server.caFile());
        assertThat(run.exit()).as(run.err()).isEqualTo(VerifyChainsCommand.OK);
        assertThat(run.out()).contains("verified 0 tenant(s)");
    }

    @Test
    void refusesAServerItsCaDidNotCertify() {
        Run run = verify(server.uri(database.name()), "verify-full", server.otherCaFile());
        assertThat(run.exit()).isEqualTo(VerifyChainsCommand.USAGE);
        assertThat(run.err()).contains("audit-verify: cannot read the database: SSL error");
    }

    @Test
    void refusesAHostTheCertificateDoesNotNameButVerifyCaAcceptsIt() {
        String byAddress = server.uriByAddress(database.name());
        Run full = verify(byAddress, "verify-full", server.caFile());
        assertThat(full.exit()).isEqualTo(VerifyChainsCommand.USAGE);
        assertThat(full.err()).contains("cannot read the database").contains("127.0.0.1");
        assertThat(verify(byAddress, "verify-ca", server.caFile()).exit()).isEqualTo(VerifyChainsCommand.OK);
    }

    @Test
    void aVerifyModeWithoutACaBundleIsAConfigurationError() {
        Run run = verify(server.uri(database.name()), "verify-full", null);
        assertThat(run.exit()).isEqualTo(VerifyChainsCommand.USAGE);
        assertThat(run.err())
                .contains("audit-verify: ATC_DB_SSL_ROOT_CERT is not set: ATC_DB_SSL_MODE=verify-full")
                .doesNotContain("cannot read the database");
    }

    private record Run(int exit, String out, String err) {}

    private static Run verify(String url, String mode, Path rootCert) {
        Map<String, String> env = new HashMap<>();
        env.put("ATC_DB_URL", url);
        env.put("ATC_DB_APP_USER", database.target().appUser());
        env.put("ATC_DB_APP_PASSWORD", database.target().appPassword());
        env.put("ATC_DB_SSL_MODE", mode);
        if (rootCert != null) {
            env.put("ATC_DB_SSL_ROOT_CERT", rootCert.toString());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = VerifyChainsCommand.run(
                new String[] {"--all", "--skip-checkpoints"},
                env,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
