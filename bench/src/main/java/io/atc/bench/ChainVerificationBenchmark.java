package io.atc.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.atc.audit.cli.VerifyChainsCommand;
import io.atc.audit.verify.ChainHead;
import io.atc.audit.verify.ChainRecord;
import io.atc.audit.verify.ChainVerifier;
import io.atc.audit.verify.VerificationResult;
import io.atc.core.audit.AuditPayloads;
import io.atc.core.audit.AuditRecordHash;
import io.atc.core.tenancy.TenantBinding;
import io.atc.core.tenancy.TenantTransactions;
import io.atc.testkit.postgres.TestDatabase;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * How fast the operator verifier (audit-verify --all) checks a large audit trail. Per layout
 * (tenants x events), a fresh database is filled through audit.append ({@link ChainFill}),
 * vacuumed and analysed, then verified:
 * <ul>
 * <li>operator runs: {@code io.atc.audit.cli.VerifyChainsCommand --all} in a fresh JVM each, as
 * bin/audit-verify starts it, with an empty checkpoint directory;</li>
 * <li>in-process runs: {@link VerifyChainsCommand#run} in this (warmed-up) JVM.</li>
 * </ul>
 * Each run reports the CLI's own summary rate and a wall-clock rate measured here; every tenant
 * must verify OK through its last seq. With --profile, the verifier's time is then split: the JDBC
 * read alone (text and binary transfer), the ChainVerifier over pre-read records in memory and its
 * parts (row hash, RFC 8785 canonicalisation, payload hash), and a read/verify pipeline prototype.
 *
 * <pre>
 * --layouts 4x250000,1x1000000 --runs 3 --batch 250 --fill-threads 2 --profile first|all|off
 * </pre>
 */
public final class ChainVerificationBenchmark {

    static final double GOAL_ROWS_PER_SECOND = 200_000;
    private static final Pattern SUMMARY = Pattern.compile(
            "verified (\\d+) tenant\\(s\\), (\\d+) event\\(s\\) in ([\\d.]+) s \\((\\d+) events/s\\): (\\d+) ok, (\\d+) failed");

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchSupport.options(args);
        String layouts = options.getOrDefault("layouts", "4x250000,1x1000000");
        String profile = options.getOrDefault("profile", "first");
        boolean allOk = true;
        boolean first = true;
        for (String layout : layouts.split(",")) {
            String[] parts = layout.trim().split("x");
            boolean profiled = "all".equals(profile) || ("first".equals(profile) && first);
            allOk &= runLayout(options, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), profiled);
            first = false;
        }
        System.exit(allOk ? 0 : 1);
    }

    private static boolean runLayout(Map<String, String> options, int tenantCount, int perTenant, boolean profile)
            throws Exception {
        int runs = BenchSupport.intOption(options, "runs", 3);
        int batch = BenchSupport.intOption(options, "batch", 250);
        int fillThreads = BenchSupport.intOption(options, "fill-threads", 2);
        BenchSupport.Scratch scratch = BenchSupport.scratchDatabase(options);
        TestDatabase database = scratch.database;
        try {
            System.out.printf(
                    "ChainVerificationBenchmark: %d tenant(s) x %,d events (+ genesis), %d cores; server: %s%n",
                    tenantCount,
                    perTenant,
                    Runtime.getRuntime().availableProcessors(),
                    BenchSupport.serverSettings(database));
            List<UUID> tenants = createTenants(database, tenantCount);

            long fillStarted = System.nanoTime();
            ChainFill.fill(database, tenants, perTenant, batch, fillThreads);
            double fillSeconds = (System.nanoTime() - fillStarted) / 1e9;
            long total = (long) tenantCount * perTenant;
            System.out.printf(
                    "  fill: %,d events via audit.append in %.1f s (%.0f events/s; %,d per transaction,"
                            + " %d thread(s))%n",
                    total, fillSeconds, total / fillSeconds, batch, Math.min(fillThreads, tenantCount));
            long vacuumStarted = System.nanoTime();
            ChainFill.vacuumAnalyze(database);
            System.out.printf("  vacuum (analyze) audit.events: %.1f s%n", (System.nanoTime() - vacuumStarted) / 1e9);

            System.out.printf("  heap layout: %s%n", heapLayout(database, tenants));

            Map<String, String> env = verifierEnv(database, "");
            boolean ok = true;
            List<VerifyRun> operator = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                String load = Machine.loadAverage();
                long[] before = bufferStats(database);
                VerifyRun result = verifyInFreshJvm(env, tenants, perTenant);
                operator.add(result);
                ok &= result.ok;
                print("operator run " + run + " (fresh JVM)", result);
                System.out.printf("  %-30s load before %s; %s%n", "", load, bufferDelta(before, bufferStats(database)));
            }
            List<VerifyRun> inProcess = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                VerifyRun result = verifyInProcess(env, tenants, perTenant);
                inProcess.add(result);
                ok &= result.ok;
                print("in-process run " + run + " (warm JVM)", result);
            }
            double operatorMedian = median(operator, VerifyRun::wallRate);
            // The headline is what an operator gets: a fresh JVM, timed from its start to its exit.
            System.out.printf(
                    "  OPERATOR (fresh JVM, wall-clock incl. JVM start): min %.0f, median %.0f, max %.0f events/s"
                            + " over %d runs (goal >= %.0f at the median: %s); load now %s%n",
                    operator.stream().mapToDouble(VerifyRun::wallRate).min().orElse(0),
                    operatorMedian,
                    operator.stream().mapToDouble(VerifyRun::wallRate).max().orElse(0),
                    operator.size(),
                    GOAL_ROWS_PER_SECOND,
                    operatorMedian >= GOAL_ROWS_PER_SECOND ? "MET" : "NOT MET",
                    Machine.loadAverage());
            System.out.printf(
                    "  (the CLI's own summary line, which excludes JVM start and connecting: median %.0f events/s;"
                            + " in-process, warm JVM: median %.0f events/s)%n",
                    median(operator, VerifyRun::cliRate), median(inProcess, VerifyRun::cliRate));
            if (tenantCount == 1 && BenchSupport.intOption(options, "service-rounds", 5) > 0) {
                ServiceVerificationRounds.measure(
                        database,
                        tenants.get(0),
                        perTenant,
                        BenchSupport.intOption(options, "checkpoint-behind", 1000),
                        BenchSupport.intOption(options, "service-rounds", 5),
                        BenchSupport.intOption(options, "service-full-rounds", 2));
            }
            if (profile) {
                profile(database, tenants, perTenant);
            }
            return ok;
        } finally {
            scratch.drop();
        }
    }

    private static double median(List<VerifyRun> runs, java.util.function.ToDoubleFunction<VerifyRun> rate) {
        double[] sorted = runs.stream().mapToDouble(rate).sorted().toArray();
        return sorted.length == 0 ? 0 : sorted[sorted.length / 2];
    }

    /**
     * How the fill laid the tenants' rows out: heap pages holding each tenant's rows against the
     * fewest that could. Tenants filled at the same time share pages, so reading one tenant in seq
     * order reads every shared page once per tenant.
     */
    private static String heapLayout(TestDatabase database, List<UUID> tenants) throws SQLException {
        long tablePages;
        try (Connection owner = database.connectAsOwner();
                var sql = owner.createStatement();
                var size = sql.executeQuery(
                        "select pg_relation_size('audit.events') / current_setting('block_size')::bigint")) {
            size.next();
            tablePages = size.getLong(1);
        }
        long rows = 0;
        long pagesRead = 0;
        // Row level security is forced: count each tenant's rows in a transaction bound to it.
        try (Connection app = database.connectAsApp()) {
            app.setAutoCommit(false);
            for (UUID tenant : tenants) {
                TenantBinding.bindReadOnly(app, tenant);
                try (var query = app.prepareStatement("""
                                select count(distinct (ctid::text::point)[0])::bigint, count(*)
                                  from audit.events where tenant_id = ?
                                """)) {
                    query.setObject(1, tenant);
                    try (var result = query.executeQuery()) {
                        result.next();
                        pagesRead += result.getLong(1);
                        rows += result.getLong(2);
                    }
                }
                app.rollback();
            }
        }
        return String.format(
                "%,d rows in %,d heap pages; the tenants' rows lie on %,d pages in all (%.2f x the table)",
                rows, tablePages, pagesRead, pagesRead / (double) Math.max(tablePages, 1));
    }

    /** Shared-buffer hits and reads (from the OS cache or disk) of the benchmark's own database so far. */
    private static long[] bufferStats(TestDatabase database) throws SQLException {
        try (Connection owner = database.connectAsOwner();
                var sql = owner.createStatement()) {
            sql.execute("select pg_stat_clear_snapshot()");
            try (var rows = sql.executeQuery(
                    "select blks_hit, blks_read from pg_stat_database where datname = current_database()")) {
                rows.next();
                return new long[] {rows.getLong(1), rows.getLong(2)};
            }
        }
    }

    private static String bufferDelta(long[] before, long[] after) {
        long hits = after[0] - before[0];
        long reads = after[1] - before[1];
        return String.format(
                "Postgres blocks during the run: %,d shared-buffer hits, %,d reads from the OS cache or disk (%.0f%% hits)",
                hits, reads, 100.0 * hits / Math.max(hits + reads, 1));
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

    record VerifyRun(
            boolean ok,
            long events,
            double cliSeconds,
            double cliRate,
            double wallSeconds,
            double wallRate,
            String detail) {}

    private static void print(String what, VerifyRun run) {
        System.out.printf(
                "  %-30s %,d events: CLI %7.0f events/s (%.2f s), wall-clock %7.0f events/s (%.2f s), %s%n",
                what,
                run.events,
                run.cliRate,
                run.cliSeconds,
                run.wallRate,
                run.wallSeconds,
                run.ok ? "every tenant OK" : "FAILED: " + run.detail);
    }

    private static Map<String, String> verifierEnv(TestDatabase database, String urlSuffix) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("ATC_DB_URL", database.target().uri() + urlSuffix);
        env.put("ATC_DB_APP_USER", database.target().appUser());
        env.put("ATC_DB_APP_PASSWORD", database.target().appPassword());
        env.put(
                "ATC_AUDIT_CHECKPOINT_DIR",
                Files.createTempDirectory("atc-bench-checkpoints").toString());
        return env;
    }

    /** audit-verify --all as an operator starts it: its own JVM, this classpath (bin/audit-verify runs the same class). */
    private static VerifyRun verifyInFreshJvm(Map<String, String> env, List<UUID> tenants, int perTenant)
            throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                VerifyChainsCommand.class.getName(),
                "--all",
                "--skip-checkpoints");
        builder.environment().putAll(env);
        builder.redirectErrorStream(true);
        long started = System.nanoTime();
        Process process = builder.start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "cannot read its output: " + e.getMessage();
            }
        });
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("audit-verify did not finish in 10 minutes");
        }
        double wall = (System.nanoTime() - started) / 1e9;
        return evaluate(process.exitValue(), output.get(), wall, tenants, perTenant);
    }

    private static VerifyRun verifyInProcess(Map<String, String> env, List<UUID> tenants, int perTenant) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long started = System.nanoTime();
        int code = VerifyChainsCommand.run(
                new String[] {"--all", "--skip-checkpoints"},
                env,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        double wall = (System.nanoTime() - started) / 1e9;
        return evaluate(
                code,
                out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8),
                wall,
                tenants,
                perTenant);
    }

    private static VerifyRun evaluate(int code, String printed, double wall, List<UUID> tenants, int perTenant) {
        Matcher summary = printed.lines()
                .map(SUMMARY::matcher)
                .filter(Matcher::matches)
                .findFirst()
                .orElse(null);
        if (summary == null) {
            return new VerifyRun(false, 0, 0, 0, wall, 0, "no summary line; exit " + code + ": " + printed);
        }
        long events = Long.parseLong(summary.group(2));
        StringBuilder problems = new StringBuilder();
        if (code != 0) {
            problems.append("exit ").append(code).append("; ");
        }
        for (UUID tenant : tenants) {
            String expected = tenant + " OK through seq " + perTenant + " ";
            if (printed.lines().noneMatch(line -> line.startsWith(expected))) {
                problems.append(tenant)
                        .append(" not OK through seq ")
                        .append(perTenant)
                        .append("; ");
            }
        }
        long expectedEvents = (long) tenants.size() * (perTenant + 1);
        if (events != expectedEvents) {
            problems.append(events)
                    .append(" events verified, expected ")
                    .append(expectedEvents)
                    .append("; ");
        }
        if (problems.length() > 0) {
            problems.append(printed);
        }
        return new VerifyRun(
                problems.length() == 0,
                events,
                Double.parseDouble(summary.group(3)),
                Double.parseDouble(summary.group(4)),
                wall,
                events / wall,
                problems.toString());
    }

    // ---------------------------------------------------------------------------------------------
    // Profile: where the verifier's time goes.

    private static final String BINARY = "?prepareThreshold=-1";

    private static void profile(TestDatabase database, List<UUID> tenants, int perTenant) throws Exception {
        System.out.println("  profile (this JVM, all tenants' records; us/rec = microseconds per record):");
        for (String transfer : new String[] {"", BINARY}) {
            for (int pass = 1; pass <= 2; pass++) {
                long[] count = {0};
                long started = System.nanoTime();
                try (Connection app = connect(database, transfer)) {
                    BenchChainReads reads = new BenchChainReads(app);
                    for (UUID tenant : tenants) {
                        reads.read(tenant, record -> count[0]++);
                    }
                }
                report(
                        "JDBC read + decode only, " + label(transfer) + ", pass " + pass,
                        count[0],
                        System.nanoTime() - started);
            }
        }

        for (int pass = 1; pass <= 2; pass++) {
            long started = System.nanoTime();
            long count = rowsOnly(database, tenants);
            report(
                    "PROBE same query, rows.next() only, no column decoded, pass " + pass,
                    count,
                    System.nanoTime() - started);
        }

        List<List<ChainRecord>> chains = new ArrayList<>();
        List<ChainHead> heads = new ArrayList<>();
        try (Connection app = connect(database, "")) {
            BenchChainReads reads = new BenchChainReads(app);
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
            part(
                    "  of which AuditRecordHash.v1 (row hash), pass " + pass,
                    chains,
                    tenants,
                    (tenant, record) -> AuditRecordHash.v1(
                            tenant,
                            record.seq(),
                            record.prevHash(),
                            record.occurredAt(),
                            record.actor(),
                            record.action(),
                            record.target(),
                            record.payloadHash())[0]);
            part(
                    "  of which AuditPayloads.canonicalJson (RFC 8785), pass " + pass,
                    chains,
                    tenants,
                    (tenant, record) -> AuditPayloads.canonicalJson(record.payloadJson())[0]);
            part(
                    "  of which AuditPayloads.payloadHash (SHA-256), pass " + pass,
                    chains,
                    tenants,
                    (tenant, record) -> AuditPayloads.payloadHash(
                            record.payloadSalt(), record.payloadJson().getBytes(StandardCharsets.UTF_8))[0]);
        }
        chains.clear();

        for (String transfer : new String[] {"", BINARY}) {
            for (int pass = 1; pass <= 2; pass++) {
                long started = System.nanoTime();
                long count = pipelined(database, tenants, transfer);
                report(
                        "PROTOTYPE read thread -> verify thread, " + label(transfer) + ", pass " + pass,
                        count,
                        System.nanoTime() - started);
            }
        }
        if (tenants.size() > 1) {
            for (String transfer : new String[] {"", BINARY}) {
                for (int pass = 1; pass <= 2; pass++) {
                    long started = System.nanoTime();
                    long count = tenantsInParallel(database, tenants, transfer, 2);
                    report(
                            "PROTOTYPE 2 tenants at a time, own connection each, " + label(transfer) + ", pass " + pass,
                            count,
                            System.nanoTime() - started);
                }
            }
        }
        Map<String, String> binaryEnv = verifierEnv(database, BINARY);
        for (int run = 1; run <= 2; run++) {
            VerifyRun result = verifyInFreshJvm(binaryEnv, tenants, perTenant);
            System.out.printf(
                    "    %-74s %,10d rec %7.2f s %10.0f rec/s (CLI summary %.0f/s), %s%n",
                    "audit-verify, fresh JVM, ATC_DB_URL=..." + BINARY + ", run " + run,
                    result.events,
                    result.wallSeconds,
                    result.wallRate,
                    result.cliRate,
                    result.ok ? "every tenant OK" : "FAILED: " + result.detail);
        }
    }

    private static String label(String transfer) {
        return transfer.isEmpty() ? "text results (as audit-verify)" : "binary results (" + transfer.substring(1) + ")";
    }

    private static Connection connect(TestDatabase database, String urlSuffix) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:" + database.target().uri() + urlSuffix,
                database.target().appUser(),
                database.target().appPassword());
    }

    /** PROBE: audit-verify's events query (JdbcChainReader.EVENTS), rows fetched the same way, no column decoded. */
    private static long rowsOnly(TestDatabase database, List<UUID> tenants) throws SQLException {
        long count = 0;
        try (Connection app = connect(database, "")) {
            app.setAutoCommit(false);
            for (UUID tenant : tenants) {
                TenantBinding.bindReadOnly(app, tenant);
                try (var query = app.prepareStatement("""
                        select seq, version, prev_hash, hash, occurred_at, actor, action, target, payload::text,
                               payload_salt, payload_hash, tombstoned_at
                          from audit.events order by seq
                        """)) {
                    query.setFetchSize(10_000);
                    try (var rows = query.executeQuery()) {
                        while (rows.next()) {
                            count++;
                        }
                    }
                }
                app.rollback();
            }
        }
        return count;
    }

    /**
     * PROTOTYPE of a suggestion, not the verifier: --all with {@code threads} tenants verified at
     * once, each on its own connection (the same reader and ChainVerifier per tenant).
     */
    private static long tenantsInParallel(TestDatabase database, List<UUID> tenants, String transfer, int threads)
            throws Exception {
        var executor = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<Long>> done = new ArrayList<>();
            for (UUID tenant : tenants) {
                done.add(executor.submit(() -> {
                    try (Connection app = connect(database, transfer)) {
                        ChainVerifier verifier = new ChainVerifier(tenant, null);
                        long[] count = {0};
                        ChainHead head = new BenchChainReads(app).read(tenant, record -> {
                            count[0]++;
                            verifier.accept(record);
                        });
                        VerificationResult result = verifier.finish(head);
                        if (!result.ok()) {
                            throw new IllegalStateException("parallel verification failed: " + result);
                        }
                        return count[0];
                    }
                }));
            }
            long count = 0;
            for (var future : done) {
                count += future.get();
            }
            return count;
        } finally {
            executor.shutdown();
        }
    }

    private static final List<ChainRecord> END = List.of();

    /**
     * PROTOTYPE of a suggestion, not the verifier: the same reader and ChainVerifier, but the read
     * runs on its own thread and hands batches of 1,000 records to the verifying thread, so the
     * database's work, the JDBC decode and the hashing overlap on the two cores.
     */
    private static long pipelined(TestDatabase database, List<UUID> tenants, String transfer) throws Exception {
        long count = 0;
        try (Connection app = connect(database, transfer)) {
            BenchChainReads reads = new BenchChainReads(app);
            for (UUID tenant : tenants) {
                BlockingQueue<List<ChainRecord>> queue = new ArrayBlockingQueue<>(64);
                CompletableFuture<ChainHead> head = CompletableFuture.supplyAsync(() -> {
                    List<ChainRecord>[] batch = new List[] {new ArrayList<ChainRecord>(1000)};
                    try {
                        ChainHead stored = reads.read(tenant, record -> {
                            batch[0].add(record);
                            if (batch[0].size() == 1000) {
                                put(queue, batch[0]);
                                batch[0] = new ArrayList<>(1000);
                            }
                        });
                        put(queue, batch[0]);
                        return stored;
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    } finally {
                        put(queue, END);
                    }
                });
                ChainVerifier verifier = new ChainVerifier(tenant, null);
                for (List<ChainRecord> batch = queue.take(); batch != END; batch = queue.take()) {
                    batch.forEach(verifier::accept);
                    count += batch.size();
                }
                VerificationResult result = verifier.finish(head.get());
                if (!result.ok()) {
                    throw new IllegalStateException("pipelined verification failed: " + result);
                }
            }
        }
        return count;
    }

    private static void put(BlockingQueue<List<ChainRecord>> queue, List<ChainRecord> batch) {
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private interface Part {
        long apply(UUID tenant, ChainRecord record);
    }

    private static void part(String name, List<List<ChainRecord>> chains, List<UUID> tenants, Part part) {
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
        report(name + (sink == Long.MIN_VALUE ? "!" : ""), records, System.nanoTime() - started);
    }

    private static void report(String what, long records, long nanos) {
        System.out.printf(
                "    %-74s %,10d rec %7.2f s %10.0f rec/s %6.2f us/rec%n",
                what, records, nanos / 1e9, records / (nanos / 1e9), nanos / 1e3 / Math.max(records, 1));
    }
}
