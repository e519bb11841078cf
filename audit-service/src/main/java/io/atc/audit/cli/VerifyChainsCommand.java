package io.atc.audit.cli;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import io.atc.audit.checkpoints.Checkpoint;
import io.atc.audit.checkpoints.CheckpointFiles;
import io.atc.audit.checkpoints.CheckpointTamperedException;
import io.atc.audit.verify.ChainHead;
import io.atc.audit.verify.ChainVerifier;
import io.atc.audit.verify.VerificationResult;
import io.atc.core.config.DatabaseTls;

/**
 * {@code audit-verify (--all | --tenant <id>) (--checkpoint-public-key <file> | --skip-checkpoints)}:
 * the operator's verifier. Reads straight from the database (ATC_DB_URL, ATC_DB_APP_USER,
 * ATC_DB_APP_PASSWORD; secured by ATC_DB_SSL_MODE and ATC_DB_SSL_ROOT_CERT as the services are), recomputes every hash from the stored fields, checks each chain against the
 * newest checkpoint in ATC_AUDIT_CHECKPOINT_DIR whose signature verifies with the key the operator
 * trusts ({@link VerifyOptions}), prints one line per tenant and a summary.
 * Exit code: 0 every chain verified, 1 some chain failed, 2 bad usage or configuration.
 */
public final class VerifyChainsCommand {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private VerifyChainsCommand() {}

    public static void main(String[] args) {
        int exit;
        try {
            exit = run(args, System.getenv(), System.out, System.err);
        } catch (RuntimeException | LinkageError e) {
            // An exception escaping main would exit 1, which an operator's cron reads as "a chain failed".
            System.err.println("audit-verify: cannot run: " + e);
            exit = USAGE;
        }
        System.exit(exit);
    }

    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        VerifyOptions options;
        try {
            options = VerifyOptions.parse(args, env);
        } catch (IllegalArgumentException e) {
            err.println("audit-verify: " + e.getMessage());
            err.println(VerifyOptions.USAGE);
            return USAGE;
        }
        String url = env.get("ATC_DB_URL");
        if (url == null || url.isBlank()) {
            err.println("ATC_DB_URL is not set (postgresql://host:port/database)");
            return USAGE;
        }
        DatabaseTls tls;
        try {
            tls = DatabaseTls.fromEnvironment(env);
        } catch (IllegalArgumentException e) {
            err.println("audit-verify: " + e.getMessage());
            return USAGE;
        }
        var tlsProblem = tls.problem(url);
        if (tlsProblem.isPresent()) {
            err.println("audit-verify: " + tlsProblem.get());
            return USAGE;
        }
        if (options.skipCheckpoints()) {
            err.println(
                    "warning: --skip-checkpoints: a truncated or rewound chain cannot be detected without checkpoints");
        }
        String jdbcUrl = url.startsWith("jdbc:") ? url : "jdbc:" + url.replaceFirst("^postgres://", "postgresql://");
        Properties properties = new Properties();
        properties.setProperty("user", env.getOrDefault("ATC_DB_APP_USER", "atc_app"));
        properties.setProperty("password", env.getOrDefault("ATC_DB_APP_PASSWORD", ""));
        // Binary results from the first execution on: bytea and timestamps decode without text parsing.
        properties.setProperty("prepareThreshold", "-1");
        tls.jdbcProperties().forEach(properties::setProperty);
        try (Connection connection = DriverManager.getConnection(jdbcUrl, properties)) {
            JdbcChainReader reader = new JdbcChainReader(connection);
            List<UUID> tenants = options.tenant().map(List::of).orElseGet(() -> unchecked(reader::tenantIds));
            return verifyAll(reader, tenants, options, out);
        } catch (SQLException | RuntimeException e) {
            err.println("audit-verify: cannot read the database: " + e.getMessage());
            return USAGE;
        }
    }

    private static int verifyAll(JdbcChainReader reader, List<UUID> tenants, VerifyOptions options, PrintStream out)
            throws SQLException {
        long started = System.nanoTime();
        long rows = 0;
        int failed = 0;
        for (UUID tenant : tenants) {
            VerificationResult result;
            try {
                Checkpoint checkpoint = options.checkpointKey()
                        .flatMap(key -> CheckpointFiles.newest(options.checkpointDir(), tenant, key))
                        .orElse(null);
                ChainVerifier verifier =
                        new ChainVerifier(tenant, checkpoint == null ? null : ChainHead.of(checkpoint));
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
            out.println(describe(tenant, result, options.skipCheckpoints()));
        }
        double seconds = Math.max((System.nanoTime() - started) / 1e9, 1e-9);
        out.printf(
                "verified %d tenant(s), %d event(s) in %.2f s (%.0f events/s): %d ok, %d failed%n",
                tenants.size(), rows, seconds, rows / seconds, tenants.size() - failed, failed);
        if (options.skipCheckpoints()) {
            out.println("rewind check skipped (--skip-checkpoints): a truncated or rewound chain would have passed");
        }
        return failed == 0 ? OK : FAILED;
    }

    static String describe(UUID tenant, VerificationResult result, boolean checkpointsSkipped) {
        String checkpoint = checkpointsSkipped
                ? "checkpoints skipped"
                : result.checkpointSeq() == null ? "no checkpoint" : "checkpoint seq " + result.checkpointSeq();
        if (result.ok()) {
            return tenant + " OK through seq " + result.verifiedThroughSeq() + " (" + checkpoint + ")";
        }
        return tenant + " FAILED at seq " + result.firstBadSeq() + ": " + result.reason() + " (verified through seq "
                + result.verifiedThroughSeq() + ", " + checkpoint + ")";
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
