package io.atc.audit.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import io.atc.audit.checkpoints.Checkpoint;
import io.atc.audit.checkpoints.CheckpointFiles;
import io.atc.audit.checkpoints.CheckpointKeys;
import io.atc.audit.checkpoints.CheckpointTamperedException;
import io.atc.audit.verify.ChainVerifier;
import io.atc.audit.verify.VerificationResult;

/**
 * {@code audit-verify --all | --tenant <id>}: the operator's verifier. Reads straight from the
 * database (ATC_DB_URL, ATC_DB_APP_USER, ATC_DB_APP_PASSWORD), recomputes every hash from the
 * stored fields, checks each chain against the newest signed checkpoint in
 * ATC_AUDIT_CHECKPOINT_DIR, prints one line per tenant and a summary.
 * Exit code: 0 every chain verified, 1 some chain failed, 2 bad usage or configuration.
 */
public final class VerifyChainsCommand {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    private static final String USAGE_TEXT = "usage: audit-verify (--all | --tenant <uuid>)";

    private VerifyChainsCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Optional<UUID> only;
        try {
            only = parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
        String url = env.get("ATC_DB_URL");
        if (url == null || url.isBlank()) {
            err.println("ATC_DB_URL is not set (postgresql://host:port/database)");
            return USAGE;
        }
        Path checkpointDir = Path.of(env.getOrDefault("ATC_AUDIT_CHECKPOINT_DIR",
                System.getProperty("user.home") + "/.atc/audit-checkpoints"));
        Optional<PublicKey> checkpointKey = Optional.ofNullable(env.get("ATC_AUDIT_CHECKPOINT_PUBLIC_KEY"))
                .filter(key -> !key.isBlank()).map(CheckpointKeys::publicKey)
                .or(() -> CheckpointFiles.publicKeyIn(checkpointDir));
        if (checkpointKey.isEmpty()) {
            err.println("warning: no checkpoint public key (ATC_AUDIT_CHECKPOINT_PUBLIC_KEY or " + checkpointDir
                    + "): a truncated or rewound chain cannot be detected without checkpoints");
        }
        String jdbcUrl = url.startsWith("jdbc:") ? url : "jdbc:" + url.replaceFirst("^postgres://", "postgresql://");
        Properties properties = new Properties();
        properties.setProperty("user", env.getOrDefault("ATC_DB_APP_USER", "atc_app"));
        properties.setProperty("password", env.getOrDefault("ATC_DB_APP_PASSWORD", ""));
        // Binary results from the first execution on: bytea and timestamps decode without text parsing.
        properties.setProperty("prepareThreshold", "-1");
        try (Connection connection = DriverManager.getConnection(jdbcUrl, properties)) {
            JdbcChainReader reader = new JdbcChainReader(connection);
            List<UUID> tenants = only.map(List::of).orElseGet(() -> unchecked(reader::tenantIds));
            return verifyAll(reader, tenants, checkpointDir, checkpointKey, out);
        } catch (SQLException | RuntimeException e) {
            err.println("audit-verify: cannot read the database: " + e.getMessage());
            return USAGE;
        }
    }

    private static int verifyAll(JdbcChainReader reader, List<UUID> tenants, Path checkpointDir,
            Optional<PublicKey> checkpointKey, PrintStream out) throws SQLException {
        long started = System.nanoTime();
        long rows = 0;
        int failed = 0;
        for (UUID tenant : tenants) {
            VerificationResult result;
            try {
                Checkpoint checkpoint = checkpointKey.flatMap(key -> CheckpointFiles.newest(checkpointDir, tenant, key))
                        .orElse(null);
                ChainVerifier verifier = new ChainVerifier(tenant, checkpoint == null ? null : checkpoint.head());
                PipelinedRead read = PipelinedRead.start(reader, tenant);
                rows += read.drainInto(verifier);
                result = verifier.finish(read.head());
                if (!result.ok()) {
                    result = ChainVerifier.earliest(result, reader.firstFork(tenant));
                }
            } catch (CheckpointTamperedException e) {
                result = VerificationResult.failed(-1, 0, "checkpoint-invalid", null);
            }
            if (!result.ok()) {
                failed++;
            }
            out.println(describe(tenant, result));
        }
        double seconds = Math.max((System.nanoTime() - started) / 1e9, 1e-9);
        out.printf("verified %d tenant(s), %d event(s) in %.2f s (%.0f events/s): %d ok, %d failed%n",
                tenants.size(), rows, seconds, rows / seconds, tenants.size() - failed, failed);
        return failed == 0 ? OK : FAILED;
    }

    static String describe(UUID tenant, VerificationResult result) {
        String checkpoint = result.checkpointSeq() == null ? "no checkpoint" : "checkpoint seq " + result.checkpointSeq();
        if (result.ok()) {
            return tenant + " OK through seq " + result.verifiedThroughSeq() + " (" + checkpoint + ")";
        }
        return tenant + " FAILED at seq " + result.firstBadSeq() + ": " + result.reason() + " (verified through seq "
                + result.verifiedThroughSeq() + ", " + checkpoint + ")";
    }

    private static Optional<UUID> parse(String[] args) {
        if (args.length == 1 && args[0].equals("--all")) {
            return Optional.empty();
        }
        if (args.length == 2 && args[0].equals("--tenant")) {
            try {
                return Optional.of(UUID.fromString(args[1]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a tenant id: " + args[1]);
            }
        }
        throw new IllegalArgumentException("expected --all or --tenant <uuid>");
    }

    private interface SqlSupplier<T> {
        T get() throws SQLException;
    }

    private static <T> T unchecked(SqlSupplier<T> supplier) {
        try {
            return supplier.get();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
