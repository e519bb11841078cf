package io.atc.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import io.atc.audit.cli.VerifyChainsCommand;
import io.atc.core.audit.AuditEntry;
import io.atc.core.tenancy.Audited;
import io.atc.core.tenancy.TenantBinding;
import io.atc.core.tenancy.TenantTransactions;
import io.atc.testkit.postgres.TestDatabase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What the audit chain costs a mutation: the same site rename, on the same service-role pool,
 * (a) audited, through {@link TenantTransactions#mutate} (one audit.append in the transaction) and
 * (b) unaudited, the baseline, a tenant-bound transaction opened here by hand with the same
 * binding statement and no append. N reactive clients (each issues its next mutation when the
 * previous completes), spread round-robin over the tenants, pool size = N unless --pool says otherwise. Variants alternate
 * (unaudited, audited, unaudited, audited, ...), each with its own warm-up and measured window.
 * Before measuring, each tenant gets one site and a seeded chain (default 2,000 events), the
 * tables are vacuumed and analysed, and only then does the measured pool connect. At the end,
 * every audited rename must have left exactly one event and audit-verify --all must pass.
 *
 * <pre>
 * --clients 16 [--pool 16] [--statement-cache false] --tenants 16 --warmup-s 5 --measure-s 20 --rounds 2 --seed-events 2000 [--pg-host 127.0.0.1 --pg-port 5432]
 * </pre>
 */
public final class AuditedMutationBenchmark {

    static final String RENAME_SITE = "update tenancy.sites set name = $2 where site_id = $1";

    enum Variant {
        UNAUDITED,
        AUDITED
    }

    record Round(
            Variant variant, int index, long ops, double seconds, double opsPerSecond, double p50Ms, double p99Ms) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchSupport.options(args);
        int clients = BenchSupport.intOption(options, "clients", 16);
        int tenantCount = BenchSupport.intOption(options, "tenants", 16);
        int warmupSeconds = BenchSupport.intOption(options, "warmup-s", 5);
        int measureSeconds = BenchSupport.intOption(options, "measure-s", 20);
        int rounds = BenchSupport.intOption(options, "rounds", 2);
        int poolSize = BenchSupport.intOption(options, "pool", clients);
        boolean cacheStatements = !"false".equals(options.get("statement-cache"));

        int seedEvents = BenchSupport.intOption(options, "seed-events", 2_000);

        BenchSupport.Scratch scratch = BenchSupport.scratchDatabase(options);
        TestDatabase database = scratch.database;
        Vertx vertx = Vertx.vertx();
        int exit = 1;
        try {
            System.out.printf(
                    "AuditedMutationBenchmark: %d clients, %d tenants, pool %d (statement cache %s), warm-up %d s + measure %d s"
                            + " per variant, %d round(s), %,d seeded events per tenant; %d cores; server: %s%n",
                    clients,
                    tenantCount,
                    poolSize,
                    cacheStatements ? "on" : "off",
                    warmupSeconds,
                    measureSeconds,
                    rounds,
                    seedEvents,
                    Runtime.getRuntime().availableProcessors(),
                    BenchSupport.serverSettings(database));

            List<UUID> tenants = new ArrayList<>();
            List<UUID> sites = new ArrayList<>();
            Pool setup = BenchSupport.appPool(vertx, database, 2);
            TenantTransactions setupTransactions = new TenantTransactions(setup);
            for (int t = 0; t < tenantCount; t++) {
                UUID tenant = UUID.randomUUID();
                UUID site = UUID.randomUUID();
                setupTransactions
                        .createTenant(tenant, "bench tenant " + t)
                        .await()
                        .atMost(Duration.ofSeconds(30));
                setupTransactions
                        .mutate(tenant, sql -> sql.execute(
                                        "insert into tenancy.sites (tenant_id, site_id, name) values ($1, $2, $3)",
                                        Tuple.of(tenant, site, "bench site"))
                                .map(rows -> Audited.of(
                                        rows.rowCount(),
                                        new AuditEntry(
                                                "key:bench",
                                                "site.created",
                                                "site:" + site,
                                                Map.of("name", "bench site")))))
                        .await()
                        .atMost(Duration.ofSeconds(30));
                tenants.add(tenant);
                sites.add(site);
            }
            setup.close().await().atMost(Duration.ofSeconds(10));
            // An audit trail with some history, vacuumed and analysed, before the measured pool connects:
            // a session that first appends to a near-empty audit.events caches sequential-scan plans
            // (see ChainFill), which would make the audited variant slow down as the table grows.
            long seedStarted = System.nanoTime();
            if (seedEvents > 0) {
                ChainFill.fill(database, tenants, seedEvents, 250, 2);
            }
            ChainFill.vacuumAnalyze(database);
            System.out.printf(
                    "  setup: %d tenants with one site each, %,d events seeded per chain, vacuum (analyze): %.1f s%n",
                    tenantCount, seedEvents, (System.nanoTime() - seedStarted) / 1e9);

            Pool pool = BenchSupport.appPool(vertx, database, poolSize, cacheStatements);
            TenantTransactions transactions = new TenantTransactions(pool);

            List<Client> clientList = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                clientList.add(new Client(c, tenants.get(c % tenantCount), sites.get(c % tenantCount)));
            }

            List<Round> results = new ArrayList<>();
            for (int r = 1; r <= rounds; r++) {
                for (Variant variant : Variant.values()) {
                    Function<Client, Uni<Integer>> mutation = variant == Variant.AUDITED
                            ? client -> audited(transactions, client)
                            : client -> unaudited(pool, client);
                    Round round = runRound(variant, r, clientList, mutation, warmupSeconds, measureSeconds);
                    results.add(round);
                    System.out.printf(
                            "  round %d %-9s %8.1f ops/s  p50 %6.2f ms  p99 %6.2f ms  (%d ops in %.2f s)%n",
                            r,
                            variant.name().toLowerCase(),
                            round.opsPerSecond(),
                            round.p50Ms(),
                            round.p99Ms(),
                            round.ops(),
                            round.seconds());
                }
            }

            double unaudited = mean(results, Variant.UNAUDITED, Round::opsPerSecond);
            double audited = mean(results, Variant.AUDITED, Round::opsPerSecond);
            double ratio = audited / unaudited;
            System.out.printf(
                    "  mean unaudited %8.1f ops/s  p50 %6.2f ms  p99 %6.2f ms%n",
                    unaudited,
                    mean(results, Variant.UNAUDITED, Round::p50Ms),
                    mean(results, Variant.UNAUDITED, Round::p99Ms));
            System.out.printf(
                    "  mean audited   %8.1f ops/s  p50 %6.2f ms  p99 %6.2f ms%n",
                    audited,
                    mean(results, Variant.AUDITED, Round::p50Ms),
                    mean(results, Variant.AUDITED, Round::p99Ms));
            System.out.printf(
                    "  ratio audited/unaudited = %.3f (goal >= 0.6: %s)%n", ratio, ratio >= 0.6 ? "MET" : "NOT MET");

            exit = checkChains(database, clientList, tenantCount * (1L + seedEvents)) ? 0 : 1;
            pool.close().await().atMost(Duration.ofSeconds(10));
        } finally {
            vertx.close().await().atMost(Duration.ofSeconds(10));
            scratch.drop();
        }
        System.exit(exit);
    }

    /** The audited mutation, exactly as a service writes it (edge-bridge's Sites.rename). */
    static Uni<Integer> audited(TenantTransactions transactions, Client client) {
        String name = client.nextName();
        AuditEntry entry = new AuditEntry("key:bench", "site.renamed", "site:" + client.site, Map.of("name", name));
        return transactions.mutate(client.tenant, entry, sql -> sql.execute(RENAME_SITE, Tuple.of(client.site, name))
                .map(AuditedMutationBenchmark::oneRow));
    }

    /**
     * BASELINE ONLY: the same mutation in the same tenant-bound transaction without its audit row.
     * Services have no such path (TenantTransactions offers no unaudited write); it exists here to
     * measure what the append costs.
     */
    static Uni<Integer> unaudited(Pool pool, Client client) {
        String name = client.nextName();
        // As TenantTransactions does it: the binding and the statement sent together.
        return pool.withTransaction(connection -> Uni.combine()
                .all()
                .unis(
                        TenantBinding.bind(connection, client.tenant),
                        connection.preparedQuery(RENAME_SITE).execute(Tuple.of(client.site, name)))
                .asTuple()
                .map(done -> oneRow(done.getItem2())));
    }

    private static int oneRow(RowSet<Row> rows) {
        if (rows.rowCount() != 1) {
            throw new IllegalStateException("the rename touched " + rows.rowCount() + " rows, expected 1");
        }
        return 1;
    }

    static Round runRound(
            Variant variant,
            int index,
            List<Client> clients,
            Function<Client, Uni<Integer>> mutation,
            int warmupSeconds,
            int measureSeconds) {
        long now = System.nanoTime();
        Window window = new Window(
                now + warmupSeconds * 1_000_000_000L, now + (warmupSeconds + measureSeconds) * 1_000_000_000L);
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (Client client : clients) {
            done.add(client.run(variant, window, mutation));
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
        long ops = 0;
        int total = 0;
        for (Client client : clients) {
            ops += client.measured;
            total += client.latencyCount;
        }
        long[] latencies = new long[total];
        int at = 0;
        for (Client client : clients) {
            System.arraycopy(client.latencies, 0, latencies, at, client.latencyCount);
            at += client.latencyCount;
        }
        Arrays.sort(latencies);
        double seconds = (window.until - window.from) / 1e9;
        return new Round(
                variant,
                index,
                ops,
                seconds,
                ops / seconds,
                percentileMs(latencies, 0.50),
                percentileMs(latencies, 0.99));
    }

    private static double percentileMs(long[] sortedNanos, double quantile) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(quantile * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(rank, sortedNanos.length - 1))] / 1e6;
    }

    private static double mean(List<Round> rounds, Variant variant, java.util.function.ToDoubleFunction<Round> value) {
        return rounds.stream()
                .filter(round -> round.variant() == variant)
                .mapToDouble(value)
                .average()
                .orElse(Double.NaN);
    }

    /** Every audited rename left exactly one event, and every chain verifies with the operator verifier. */
    private static boolean checkChains(TestDatabase database, List<Client> clients, long setupEvents) throws Exception {
        long expected = setupEvents; // one site.created per tenant, and the seeded events
        for (Client client : clients) {
            expected += client.auditedTotal;
        }
        long appended;
        try (Connection owner = database.connectAsOwner();
                Statement statement = owner.createStatement();
                ResultSet rows = statement.executeQuery("select coalesce(sum(seq), 0) from audit.chain_heads")) {
            rows.next();
            appended = rows.getLong(1);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = VerifyChainsCommand.run(
                new String[] {"--all", "--skip-checkpoints"},
                Map.of(
                        "ATC_DB_URL", database.target().uri(),
                        "ATC_DB_APP_USER", database.target().appUser(),
                        "ATC_DB_APP_PASSWORD", database.target().appPassword(),
                        "ATC_AUDIT_CHECKPOINT_DIR",
                                Files.createTempDirectory("atc-bench-checkpoints")
                                        .toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String summary = out.toString(StandardCharsets.UTF_8)
                .lines()
                .filter(line -> line.startsWith("verified "))
                .findFirst()
                .orElse("(no summary) " + err.toString(StandardCharsets.UTF_8));
        boolean ok = appended == expected && code == 0;
        System.out.printf(
                "  check: %d audit events appended after genesis, %d expected (setup + one per audited mutation);"
                        + " audit-verify exit %d: %s -> %s%n",
                appended, expected, code, summary, ok ? "OK" : "FAILED");
        return ok;
    }

    record Window(long from, long until) {}

    /** One reactive client: its next mutation starts when the previous one completes. */
    static final class Client {

        final int id;
        final UUID tenant;
        final UUID site;
        long sequence;
        long measured;
        long auditedTotal;
        long[] latencies = new long[1 << 14];
        int latencyCount;

        Client(int id, UUID tenant, UUID site) {
            this.id = id;
            this.tenant = tenant;
            this.site = site;
        }

        String nextName() {
            return "bench site " + id + "-" + (++sequence);
        }

        CompletableFuture<Void> run(Variant variant, Window window, Function<Client, Uni<Integer>> mutation) {
            measured = 0;
            latencyCount = 0;
            CompletableFuture<Void> done = new CompletableFuture<>();
            next(variant, window, mutation, done);
            return done;
        }

        private void next(
                Variant variant, Window window, Function<Client, Uni<Integer>> mutation, CompletableFuture<Void> done) {
            long started = System.nanoTime();
            if (started >= window.until) {
                done.complete(null);
                return;
            }
            mutation.apply(this)
                    .subscribe()
                    .with(
                            result -> {
                                long ended = System.nanoTime();
                                if (variant == Variant.AUDITED) {
                                    auditedTotal++;
                                }
                                if (ended >= window.from && ended < window.until) {
                                    measured++;
                                    record(ended - started);
                                }
                                next(variant, window, mutation, done);
                            },
                            done::completeExceptionally);
        }

        private void record(long nanos) {
            if (latencyCount == latencies.length) {
                latencies = Arrays.copyOf(latencies, latencies.length * 2);
            }
            latencies[latencyCount++] = nanos;
        }
    }
}
