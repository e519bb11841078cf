package io.atc.audit.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.atc.audit.checkpoints.Checkpoint;
import io.atc.audit.checkpoints.CheckpointFiles;
import io.atc.core.audit.AuditPayloads;
import io.atc.core.crypto.Ed25519Keys;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;

/**
 * What an operator's verifier sees: a database of its own holding a few tenants with short chains
 * (seqs 0..events, appended through audit.append as the service role), a checkpoint directory,
 * and the genuine signing key whose public half the operator keeps apart from that directory.
 */
final class OperatorScenario implements AutoCloseable {

    final TestDatabase database = TestDatabase.scratch();
    final Path checkpoints;
    final KeyPair signingKey = Ed25519Keys.generate();
    final List<UUID> tenants = new ArrayList<>();

    private OperatorScenario() throws IOException {
        checkpoints = Files.createTempDirectory("atc-operator-checkpoints");
    }

    static OperatorScenario withTenants(int tenants, int events) throws Exception {
        OperatorScenario scenario = new OperatorScenario();
        for (int i = 0; i < tenants; i++) {
            UUID tenant = SyntheticOrganisations.create(scenario.database, "Operator scenario " + i)
                    .tenantId();
            scenario.append(tenant, events);
            scenario.tenants.add(tenant);
        }
        return scenario;
    }

    /** Signs a checkpoint of each tenant's current head with {@code key} and stores it in the directory. */
    void checkpoint(KeyPair key) throws SQLException {
        try (Connection owner = database.connectAsOwner();
                PreparedStatement heads =
                        owner.prepareStatement("select seq, head_hash from audit.chain_heads where tenant_id = ?")) {
            for (UUID tenant : tenants) {
                heads.setObject(1, tenant);
                try (ResultSet head = heads.executeQuery()) {
                    head.next();
                    Checkpoint checkpoint = new Checkpoint(tenant, head.getLong(1), head.getBytes(2), Instant.now());
                    String signature = Ed25519Keys.sign(key.getPrivate(), checkpoint.signedBytes());
                    CheckpointFiles.write(checkpoints, checkpoint, signature);
                }
            }
        }
    }

    /** The operator's copy of the genuine public key, kept outside the checkpoint directory. */
    Path trustedKeyFile() throws IOException {
        Path file = Files.createTempFile("checkpoint-public-key", ".txt");
        Files.writeString(file, trustedKey() + "\n");
        return file;
    }

    String trustedKey() {
        return Ed25519Keys.base64(signingKey.getPublic());
    }

    /** The variables docs/audit.md tells an operator to set, here for the given database role. */
    Map<String, String> environment(String user, String password) {
        Map<String, String> env = new HashMap<>();
        env.put("ATC_DB_URL", database.target().uri());
        env.put("ATC_DB_APP_USER", user);
        env.put("ATC_DB_APP_PASSWORD", password);
        env.put("ATC_AUDIT_CHECKPOINT_DIR", checkpoints.toString());
        return env;
    }

    Map<String, String> serviceRoleEnvironment() {
        return environment(database.target().appUser(), database.target().appPassword());
    }

    record Run(int exit, List<String> out, String err) {}

    static Run verifyInProcess(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = VerifyChainsCommand.run(
                args,
                env,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(
                exit, out.toString(StandardCharsets.UTF_8).lines().toList(), err.toString(StandardCharsets.UTF_8));
    }

    private void append(UUID tenant, int events) throws SQLException {
        try (Connection app = database.connectAsApp()) {
            app.setAutoCommit(false);
            SyntheticOrganisations.bindTenant(app, tenant);
            try (PreparedStatement append = app.prepareStatement(
                    "select seq from audit.append('key:operator-test', 'test.event', ?, ?::jsonb, ?, ?)")) {
                for (int n = 1; n <= events; n++) {
                    byte[] canonical = AuditPayloads.canonicalJson(Map.of("n", n));
                    byte[] salt = AuditPayloads.newSalt();
                    append.setString(1, "site:" + n);
                    append.setString(2, new String(canonical, StandardCharsets.UTF_8));
                    append.setBytes(3, salt);
                    append.setBytes(4, AuditPayloads.payloadHash(salt, canonical));
                    append.execute();
                }
            }
            app.commit();
        }
    }

    @Override
    public void close() {
        database.drop();
    }
}
