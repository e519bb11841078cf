package io.atc.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.atc.audit.cli.OperatorScenario.Run;
import io.atc.audit.verify.OwnerTampering;
import io.atc.core.crypto.Ed25519Keys;

/**
 * The verifier takes the checkpoint public key from its operator only. The attack: someone who can
 * write the checkpoint store (and, as the owner role, the database) rewinds a chain, deletes the
 * genuine checkpoint, and puts in the store a checkpoint of the rewound head signed with a key of
 * their own, plus that key's public half where the service used to publish its own.
 * Breaks when: the verifier reads its key from the checkpoint directory (main did, and passed the
 * rewound chain), runs without a key and without --skip-checkpoints (main only warned and exited
 * 0), or reports a skipped rewind check as a full verification.
 */
class VerifierTrustsOnlyTheOperatorsCheckpointKeyTests {

    private static OperatorScenario scenario;
    private static UUID rewound;
    private static UUID intact;

    @BeforeAll
    static void anAttackerReplacesKeyAndCheckpointsTogether() throws Exception {
        scenario = OperatorScenario.withTenants(2, 5);
        intact = scenario.tenants.get(0);
        rewound = scenario.tenants.get(1);
        scenario.checkpoint(scenario.signingKey);

        OwnerTampering.rewind(scenario.database, rewound, 2);
        KeyPair attackers = Ed25519Keys.generate();
        Path tenantCheckpoints = scenario.checkpoints.resolve(rewound.toString());
        try (var files = Files.list(tenantCheckpoints)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        scenario.checkpoint(attackers);
        Files.writeString(
                scenario.checkpoints.resolve("checkpoint-public-key.txt"),
                Ed25519Keys.base64(attackers.getPublic()) + "\n");
    }

    @AfterAll
    static void dropTheDatabase() {
        scenario.close();
    }

    @Test
    void withoutATrustedKeyOrAnExplicitSkipItRefusesToVerify() {
        Run run = OperatorScenario.verifyInProcess(scenario.serviceRoleEnvironment(), "--all");

        assertThat(run.exit()).isEqualTo(VerifyChainsCommand.USAGE);
        assertThat(run.err())
                .contains("no trusted checkpoint public key")
                .contains("--checkpoint-public-key <file>")
                .contains("ATC_AUDIT_CHECKPOINT_PUBLIC_KEY")
                .contains("--skip-checkpoints");
        assertThat(run.out()).as("nothing is reported as verified").isEmpty();
    }

    @Test
    void withTheOperatorsKeyTheForgedCheckpointFailsAndTheIntactChainPasses() throws Exception {
        Run run = OperatorScenario.verifyInProcess(
                scenario.serviceRoleEnvironment(),
                "--all",
                "--checkpoint-public-key",
                scenario.trustedKeyFile().toString());

        assertThat(run.exit()).as(run.toString()).isEqualTo(VerifyChainsCommand.FAILED);
        assertThat(run.out())
                .contains(intact + " OK through seq 5 (checkpoint seq 5)")
                .anyMatch(line -> line.startsWith(rewound + " FAILED at seq 0: checkpoint-invalid"))
                .anyMatch(line -> line.endsWith("1 ok, 1 failed"));
    }

    @Test
    void theTrustedKeyMayComeFromTheEnvironment() {
        Map<String, String> env = scenario.serviceRoleEnvironment();
        env.put("ATC_AUDIT_CHECKPOINT_PUBLIC_KEY", scenario.trustedKey());

        Run run = OperatorScenario.verifyInProcess(env, "--tenant", rewound.toString());

        assertThat(run.exit()).as(run.toString()).isEqualTo(VerifyChainsCommand.FAILED);
        assertThat(run.out()).anyMatch(line -> line.startsWith(rewound + " FAILED at seq 0: checkpoint-invalid"));
    }

    @Test
    void aKeyFileInsideTheCheckpointDirectoryIsRefused() {
        Run run = OperatorScenario.verifyInProcess(
                scenario.serviceRoleEnvironment(),
                "--all",
                "--checkpoint-public-key",
                scenario.checkpoints.resolve("checkpoint-public-key.txt").toString());

        assertThat(run.exit()).isEqualTo(VerifyChainsCommand.USAGE);
        assertThat(run.err()).contains("lies in the checkpoint directory");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void skippingCheckpointsOnRequestIsSaidInTheReport() {
        Run run = OperatorScenario.verifyInProcess(scenario.serviceRoleEnvironment(), "--all", "--skip-checkpoints");

        assertThat(run.exit()).as(run.toString()).isEqualTo(VerifyChainsCommand.OK);
        assertThat(run.out())
                .contains(
                        intact + " OK through seq 5 (checkpoints skipped)",
                        rewound + " OK through seq 2 (checkpoints skipped)")
                .anyMatch(line -> line.startsWith("rewind check skipped (--skip-checkpoints)"));
    }
}
