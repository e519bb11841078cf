package io.atc.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.atc.audit.cli.BenchChainReads;
import io.atc.audit.cli.VerifyChainsCommand;
import io.atc.audit.verify.ChainHead;
import io.atc.audit.verify.ChainRecord;
import io.atc.audit.verify.ChainVerifier;
import io.atc.audit.verify.VerificationResult;
import io.atc.core.audit.AuditPayloads;
import io.atc.core.audit.AuditRecordHash;
import io.atc.core.tenancy.TenantTransactions;
import io.atc.testkit.postgres.TestDatabase;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * How fast the operator verifier (audit-verify --all) checks a large audit trail. Per layout
 * (tenants x events), a fresh database is filled server-side through audit.append itself (the
 * only write path the service role has), vacuumed and analysed, then verified several times with
 * {@link VerifyChainsCommand#run} in this JVM; each run reports the CLI's own rate and a
 * wall-clock rate around the call, and every tenant must verify OK through its last seq.
 * With --profile on, the verifier's time is then split: JDBC read alone, the ChainVerifier over
 * pre-read records in memory, and its parts (row hash, RFC 8785 canonicalisation, payload hash).
 *
 * <pre>
 * --layouts 4x250000,1x1000000 --runs 3 --batch 50000 --fill-threads 2 --profile on
 * </pre>
 */
public final class ChainVerificationBenchmark {

    /**
     * One batch of events for the bound tenant, through audit.append. The payload is given as its
     * RFC 8785 canonical text ({"n":<g>}, no space; jsonb's own ::text would add one) and committed
     * to as SHA-256(salt || that text), exactly what AuditPayloads computes; 16 random salt bytes.
     */
    static final String APPEND_BATCH = """
            select count(*) from (
                select audit.append('key:bench', 'bench.event', 'site:x', e.payload::jsonb, e.salt,
                                    sha256(e.salt || convert_to(e.payload, 'UTF8')))
                  from (select uuid_send(gen_random_uuid()) as salt, '{"n":' || g || '}' as payload
                          from generate_series(?::bigint, ?::bigint) g) e
            ) appended
            """;
    static final String BIND_TENANT = "select set_config('atc.tenant_id', ?, true)";
    static final double GOAL_ROWS_PER_SECOND = 200_000;
    private static final Pattern SUMMARY = Pattern.compile(
            "verified (\\d+) tenant\\(s\\), (\\d+) event\\(s\\) in ([\\d.]+) s \\((\\d+) events/s\\): (\\d+) ok, (\\d+) failed");

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchSupport.options(args);
        String layouts = options.getOrDefault("layouts", "4x250000,1x1000000");
        int runs = BenchSupport.intOption(options, "runs", 3);
        int batch = BenchSupport.intOption(options, "batch", 50_000);
        int fillThreads = BenchSupport.intOption(options, "fill-threads", 2);
        boolean profile = !"off".equals(options.getOrDefault("profile", "on"));

        boolean allOk = true;
        for (String layout : layouts.split(",")) {
            String[] parts = layout.trim().split("x");
            allOk &= runLayout(options, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), runs, batch,
                    fillThreads, profile);
        }
        System.exit(allOk ? 0 : 1);
    }

    private static boolean runLayout(Map<String, String> options, int tenantCount, int perTenant, int runs, int batch,
            int fillThreads, boolean profile) throws Exception {
        TestDatabase database = TestDatabase.create(BenchSupport.server(options));
        try {
            System.out.printf("ChainVerificationBenchmark: %d tenant(s) x %,d events (+ genesis), %d cores; server: %s%n",
                    tenantCount, perTenant, Runtime.getRuntime().availableProcessors(),
                    BenchSupport.serverSettings(database));
            List<UUID> tenants = createTenants(database, tenantCount);

            long fillStarted = System.nanoTime();
            fill(database, tenants, perTenant, batch, fillThreads);
            double fillSeconds = (System.nanoTime() - fillStarted) / 1e9;
            long total = (long) tenantCount * perTenant;
            System.out.printf("  fill: %,d events via audit.append in %.1f s (%.0f events/s; batches of %,d, %d thread(s))%n",
                    total, fillSeconds, total / fillSeconds, batch, Math.min(fillThreads, tenantCount));
            long vacuumStarted = System.nanoTime();
            try (Connection owner = database.connectAsOwner(); Statement statement = owner.createStatement()) {
                statement.execute("vacuum (analyze) audit.events");
                statement.execute("vacuum (analyze) audit.chain_heads");
            }
            System.out.printf("  vacuum (analyze): %.1f s%n", (System.nanoTime() - vacuumStarted) / 1e9);

            boolean ok = true;
            double sumCli = 0;
            double sumWall = 0;
            for (int run = 1; run <= runs; run++) {
                VerifyRun result = verify(database, tenants, perTenant);
                ok &= result.ok;
                sumCli += result.cliRowsPerSecond;
                sumWall += result.wallRowsPerSecond;
                System.out.printf("  verify run %d: %,d events, CLI %.0f events/s (%.2f s), wall-clock %.0f events/s"
                        + " (%.2f s), %s%n", run, result.events, result.cliRowsPerSecond, result.cliSeconds,
                        result.wallRowsPerSecond, result.wallSeconds, result.ok ? "every tenant OK" : "FAILED: "
                                + result.detail);
            }
            double meanCli = sumCli / runs;
            System.out.printf("  verify mean: CLI %.0f events/s, wall-clock %.0f events/s (goal >= %.0f: %s)%n", meanCli,
                    sumWall / runs, GOAL_ROWS_PER_SECOND, meanCli >= GOAL_ROWS_PER_SECOND ? "MET" : "NOT MET");
            if (profile) {
                profile(database, tenants);
            }
            return ok;
        } finally {
            database.drop();
        }
    }

    private static List<UUID> createTenants(TestDatabase database, int count) {
        Vertx vertx = Vertx.vertx();
        try {
            Pool pool = BenchSupport.appPool(vertx, database, 2);
            TenantTransactions transactions = new TenantTransactions(pool);
            List<UUID> tenants = new ArrayList<>();
            for (int t = 0; t < count; t++) {
                UUID tenant = UUID.randomUUID();
                transactions.createTenant(tenant, "bench tenant " + t).await().atMost(Duration.ofSeconds(30));
                tenants.add(tenant);
            }
            pool.close().await().atMost(Duration.ofSeconds(10));
            return tenants;
        } finally {
            vertx.close().await().atMost(Duration.ofSeconds(10));
        }
    }

    /** Each tenant on its own service-role connection, one transaction per batch; tenants in parallel. */
    private static void fill(TestDatabase database, List<UUID> tenants, int perTenant, int batch, int threads)
            throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(Math.min(threads, tenants.size()));
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (UUID tenant : tenants) {
                done.add(executor.submit(() -> {
                    fillTenant(database, tenant, perTenant, batch);
                    return null;
                }));
            }
            for (Future<Void> future : done) {
                future.get();
            }
        } finally {
            executor.shutdown();
        }
    }

    private static void fillTenant(TestDatabase database, UUID tenant, int perTenant, int batch) throws SQLException {
        try (Connection app = database.connectAsApp()) {
            app.setAutoCommit(false);
            try (PreparedStatement bind = app.prepareStatement(BIND_TENANT);
                    PreparedStatement append = app.prepareStatement(APPEND_BATCH)) {
                for (long from = 1; from <= perTenant; from += batch) {
                    long to = Math.min(perTenant, from + batch - 1);
                    bind.setString(1, tenant.toString());
                    bind.execute();
                    append.setLong(1, from);
                    append.setLong(2, to);
                    try (ResultSet rows = append.executeQuery()) {
                        rows.next();
                        if (rows.getLong(1) != to - from + 1) {
                            throw new IllegalStateException("appended " + rows.getLong(1) + ", expected " + (to - from + 1));
                        }
                    }
                    app.commit();
                }
            }
        }
    }

    record VerifyRun(boolean ok, long events, double cliSeconds, double cliRowsPerSecond, double wallSeconds,
            double wallRowsPerSecond, String detail) {
    }

    /** One audit-verify --all, in this JVM, with an empty checkpoint directory. */
    private static VerifyRun verify(TestDatabase database, List<UUID> tenants, int perTenant) throws Exception {
        Path checkpoints = Files.createTempDirectory("atc-bench-checkpoints");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env = Map.of(
                "ATC_DB_URL", database.target().uri(),
                "ATC_DB_APP_USER", database.target().appUser(),
                "ATC_DB_APP_PASSWORD", database.target().appPassword(),
                "ATC_AUDIT_CHECKPOINT_DIR", checkpoints.toString());
        long started = System.nanoTime();
        int code = VerifyChainsCommand.run(new String[] {"--all"}, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        double wall = (System.nanoTime() - started) / 1e9;
        Files.delete(checkpoints);

        String printed = out.toString(StandardCharsets.UTF_8);
        Matcher summary = printed.lines().map(SUMMARY::matcher).filter(Matcher::matches).findFirst().orElse(null);
        if (summary == null) {
            return new VerifyRun(false, 0, 0, 0, wall, 0, "no summary line; exit " + code + "; " + printed
                    + err.toString(StandardCharsets.UTF_8));
        }
        long events = Long.parseLong(summary.group(2));
        double cliSeconds = Double.parseDouble(summary.group(3));
        double cliRate = Double.parseDouble(summary.group(4));
        StringBuilder problems = new StringBuilder();
        if (code != 0) {
            problems.append("exit ").append(code).append("; ");
        }
        for (UUID tenant : tenants) {
            String expected = tenant + " OK through seq " + perTenant + " ";
            if (printed.lines().noneMatch(line -> line.startsWith(expected))) {
                problems.append(tenant).append(" not OK through seq ").append(perTenant).append("; ");
            }
        }
        long expectedEvents = (long) tenants.size() * (perTenant + 1);
        if (events != expectedEvents) {
            problems.append(events).append(" events verified, expected ").append(expectedEvents).append("; ");
        }
        if (problems.length() > 0) {
            problems.append(printed);
        }
        return new VerifyRun(problems.length() == 0, events, cliSeconds, cliRate, wall, events / wall,
                problems.toString());
    }

    /** Where the verifier's time goes: the read alone, then the in-memory verifier and its parts. */
    private static void profile(TestDatabase database, List<UUID> tenants) throws SQLException {
        System.out.println("  profile (same JVM, records of all tenants):");
        List<List<ChainRecord>> chains = new ArrayList<>();
        List<ChainHead> heads = new ArrayList<>();
        try (Connection app = database.connectAsApp()) {
            BenchChainReads reads = new BenchChainReads(app);
            for (int pass = 1; pass <= 2; pass++) {
                long[] count = {0};
                long started = System.nanoTime();
                for (UUID tenant : tenants) {
                    reads.read(tenant, record -> count[0]++);
                }
                report("JDBC read + decode only (audit-verify's reader, no verification), pass " + pass,
                        count[0], System.nanoTime() - started);
            }
            for (UUID tenant : tenants) {
                List<ChainRecord> chain = new ArrayList<>();
                heads.add(reads.read(tenant, chain::add));
                chains.add(chain);
            }
        }
        long records = chains.stream().mapToLong(List::size).sum();
        for (int pass = 1; pass <= 3; pass++) {
            long started = System.nanoTime();
            for (int t = 0; t < tenants.size(); t++) {
                ChainVerifier verifier = new ChainVerifier(tenants.get(t), null);
                chains.get(t).forEach(verifier::accept);
                VerificationResult result = verifier.finish(heads.get(t));
                if (!result.ok()) {
                    throw new IllegalStateException("in-memory verification failed: " + result);
                }
            }
            report("ChainVerifier in memory (all checks), pass " + pass, records, System.nanoTime() - started);
        }
        for (int pass = 1; pass <= 3; pass++) {
            part("  AuditRecordHash.v1 (row hash)", chains, tenants, pass, (tenant, record) ->
                    AuditRecordHash.v1(tenant, record.seq(), record.prevHash(), record.occurredAt(), record.actor(),
                            record.action(), record.target(), record.payloadHash())[0]);
            part("  AuditPayloads.canonicalJson (RFC 8785)", chains, tenants, pass, (tenant, record) ->
                    AuditPayloads.canonicalJson(record.payloadJson())[0]);
            part("  AuditPayloads.payloadHash (salt || canonical)", chains, tenants, pass, (tenant, record) ->
                    AuditPayloads.payloadHash(record.payloadSalt(),
                            record.payloadJson().getBytes(StandardCharsets.UTF_8))[0]);
        }
    }

    private interface Part {
        long apply(UUID tenant, ChainRecord record);
    }

    private static void part(String name, List<List<ChainRecord>> chains, List<UUID> tenants, int pass, Part part) {
        long sink = 0;
        long records = 0;
        long started = System.nanoTime();
        for (int t = 0; t < tenants.size(); t++) {
            UUID tenant = tenants.get(t);
            for (ChainRecord record : chains.get(t)) {
                sink += part.apply(tenant, record);
                records++;
            }
        }
        long elapsed = System.nanoTime() - started;
        report(name + ", pass " + pass + (sink == 42 ? " " : ""), records, elapsed);
    }

    private static void report(String what, long records, long nanos) {
        System.out.printf("    %-78s %,10d rec %7.2f s %10.0f rec/s %7.2f us/rec%n", what, records, nanos / 1e9,
                records / (nanos / 1e9), nanos / 1e3 / Math.max(records, 1));
    }

}
