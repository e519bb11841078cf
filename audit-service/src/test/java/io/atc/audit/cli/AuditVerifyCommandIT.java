package io.atc.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.atc.audit.verify.OwnerTampering;

/**
 * The operator's command as shipped: `bin/audit-verify`, run from the checkout on the packaged
 * service, with the variables docs/audit.md ("Operator procedures") tells an operator to set,
 * verifies every tenant, says which chain failed and how, and exits 0 / 1 accordingly; with the
 * checkpoints and the trusted key it catches a rewound chain the database alone cannot reveal.
 * Breaks when: the script's classpath misses a library the command loads (on main it died with
 * NoClassDefFoundError: org/jboss/logging/Logger as soon as it had a checkpoint key, and exited 1
 * as if a chain had failed), or the command ignores the trusted key or the checkpoints.
 */
class AuditVerifyCommandIT {

    private static final Path CHECKOUT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void verifiesAGoodDatabaseAndNamesATamperedAndARewoundChain() throws Exception {
        try (OperatorScenario scenario = OperatorScenario.withTenants(3, 5)) {
            scenario.checkpoint(scenario.signingKey);
            UUID intact = scenario.tenants.get(0);
            UUID edited = scenario.tenants.get(1);
            UUID rewound = scenario.tenants.get(2);
            Map<String, String> env = scenario.serviceRoleEnvironment();
            env.put("ATC_AUDIT_CHECKPOINT_PUBLIC_KEY", scenario.trustedKey());

            Run good = run(env, "--all");
            assertThat(good.exit()).as(good.output().toString()).isZero();
            for (UUID tenant : scenario.tenants) {
                assertThat(good.output()).contains(tenant + " OK through seq 5 (checkpoint seq 5)");
            }
            assertThat(good.output())
                    .anyMatch(line ->
                            line.startsWith("verified 3 tenant(s), 18 event(s)") && line.endsWith("3 ok, 0 failed"));

            OwnerTampering.tamper(
                    scenario.database,
                    edited,
                    "update audit.events set actor = 'someone else' where tenant_id = '" + edited + "' and seq = 4");
            Run tampered = run(env, "--all");
            assertThat(tampered.exit()).as(tampered.output().toString()).isEqualTo(1);
            assertThat(tampered.output())
                    .contains(intact + " OK through seq 5 (checkpoint seq 5)")
                    .anyMatch(line -> line.startsWith(edited + " FAILED at seq 4: hash-mismatch"))
                    .anyMatch(line -> line.endsWith("2 ok, 1 failed"));

            OwnerTampering.rewind(scenario.database, rewound, 2);
            Run rewind = run(
                    scenario.serviceRoleEnvironment(),
                    "--tenant",
                    rewound.toString(),
                    "--checkpoint-public-key",
                    scenario.trustedKeyFile().toString());
            assertThat(rewind.exit()).as(rewind.output().toString()).isEqualTo(1);
            assertThat(rewind.output()).anyMatch(line -> line.startsWith(rewound + " FAILED at seq 3: rewound"));

            Run unchecked =
                    run(scenario.serviceRoleEnvironment(), "--tenant", rewound.toString(), "--skip-checkpoints");
            assertThat(unchecked.exit())
                    .as("without checkpoints the rewind cannot be seen")
                    .isZero();
            assertThat(unchecked.output())
                    .contains(rewound + " OK through seq 2 (checkpoints skipped)")
                    .anyMatch(line -> line.startsWith("rewind check skipped"));
        }
    }

    @Test
    void withoutATrustedKeyItRefusesWithExitTwo() throws Exception {
        try (OperatorScenario scenario = OperatorScenario.withTenants(1, 1)) {
            Run run = run(scenario.serviceRoleEnvironment(), "--all");
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.output()).anyMatch(line -> line.contains("no trusted checkpoint public key"));
        }
    }

    private record Run(int exit, List<String> output) {}

    /** As docs/audit.md shows it: `ATC_DB_URL=… … bin/audit-verify --all`, from the checkout. */
    private static Run run(Map<String, String> env, String... args) throws Exception {
        Path log = Files.createTempFile("audit-verify", ".log");
        List<String> command = new ArrayList<>(List.of("bin/audit-verify"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(CHECKOUT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("ATC_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            assertThat(process.waitFor(120, TimeUnit.SECONDS))
                    .as("audit-verify finishes")
                    .isTrue();
            return new Run(process.exitValue(), Files.readAllLines(log));
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }
}
