package io.atc.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.atc.testkit.orgs.SyntheticOrganisation;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;

/**
 * The operator's command, as shipped (bin/audit-verify on the packaged service), verifies every
 * tenant straight from the database, prints a line per tenant and a summary, and exits non-zero
 * when any chain fails.
 */
class AuditVerifyCommandIT {

    private static final Path COMMAND = Path.of("..", "bin", "audit-verify");

    @Test
    void verifiesEveryTenantAndFailsWhenOneChainIsBroken() throws Exception {
        TestDatabase database = TestDatabase.shared();
        SyntheticOrganisation intact = SyntheticOrganisations.create(database, "CLI intact");
        SyntheticOrganisation broken = SyntheticOrganisations.create(database, "CLI broken");

        Run clean = run(database);
        assertThat(clean.exit()).as(clean.output().toString()).isZero();
        assertThat(clean.output()).anyMatch(line -> line.startsWith(intact.tenantId() + " OK through seq 0"))
                .anyMatch(line -> line.startsWith(broken.tenantId() + " OK through seq 0"))
                .anyMatch(line -> line.startsWith("verified 2 tenant(s), 2 event(s)") && line.endsWith("2 ok, 0 failed"));

        try (Connection owner = database.connectAsOwner(); Statement sql = owner.createStatement()) {
            owner.setAutoCommit(false);
            SyntheticOrganisations.bindTenant(owner, broken.tenantId());
            sql.execute("alter table audit.events disable trigger user");
            sql.execute("update audit.events set actor = 'someone else' where seq = 0");
            sql.execute("alter table audit.events enable trigger user");
            owner.commit();
        }

        Run tampered = run(database);
        assertThat(tampered.exit()).isEqualTo(1);
        assertThat(tampered.output()).anyMatch(line -> line.startsWith(broken.tenantId() + " FAILED at seq 0: hash-mismatch"))
                .anyMatch(line -> line.endsWith("1 ok, 1 failed"));
    }

    private record Run(int exit, List<String> output) {
    }

    private static Run run(TestDatabase database) throws Exception {
        Path log = Files.createTempFile("audit-verify", ".log");
        Path checkpoints = Files.createTempDirectory("audit-verify-checkpoints");
        ProcessBuilder builder = new ProcessBuilder("bash", COMMAND.toString(), "--all")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("ATC_DB_URL", database.target().uri());
        builder.environment().put("ATC_DB_APP_USER", database.target().appUser());
        builder.environment().put("ATC_DB_APP_PASSWORD", database.target().appPassword());
        builder.environment().put("ATC_AUDIT_CHECKPOINT_DIR", checkpoints.toString());
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<String> output = Files.readAllLines(log);
        Files.deleteIfExists(log);
        return new Run(process.exitValue(), output);
    }
}
