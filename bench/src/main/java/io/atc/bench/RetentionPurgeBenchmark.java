package io.atc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.atc.core.blobs.FilesystemBlobStore;
import io.atc.devservices.mqtt.DynsecAdmin;
import io.atc.devservices.mqtt.MosquittoConfig;
import io.atc.devservices.mqtt.MosquittoProcess;
import io.atc.devservices.mqtt.MqttBroker;
import io.atc.testkit.broker.DynsecTestClients;
import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.orgs.SyntheticOrganisation;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.atc.testkit.quarkus.PackagedService;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

/**
 * The retention purge benchmark (docs/benchmarks.md, "Retention purge"): E events over S sites of T
 * tenants (an image every k-th event, its blob on disk), a fraction of them received longer ago than
 * the tenants' 30-day retention, on a fresh migrated database.
 * <ol>
 * <li>purge alone: the packaged retention-service purges every site; throughput = rows deleted (events
 * and images) / (last run's end - first run's start), from retention.runs;</li>
 * <li>re-seeded, then the packaged edge bridge ingests from D simulated devices at a fixed rate for
 * a while without the purge (A), then with the retention-service purging beside it (B), then without
 * again (A'): p99 publish-to-commit of each from the bridge's histogram; the goal is B &le; 1.5 x the
 * mean of A and A'.</li>
 * </ol>
 *
 * <pre>
 * --tenants 10 --sites-per-tenant 10 --events 5000000 --image-every 50 --image-bytes 2048 --expired 0.8
 * --batch-size 5000 --rate 2000 --ingest-s 20 [--retention-java-opts "-Xmx512m"] [--bridge-java-opts "-Xmx1g"]
 * </pre>
 */
public final class RetentionPurgeBenchmark {

    private static final String USER = "bench-devices";
    private static final int RETENTION_DAYS = 30;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchSupport.options(args);
        int tenantCount = BenchSupport.intOption(options, "tenants", 10);
        int sitesPerTenant = BenchSupport.intOption(options, "sites-per-tenant", 10);
        int events = BenchSupport.intOption(options, "events", 5_000_000);
        int imageEvery = BenchSupport.intOption(options, "image-every", 50);
        int imageBytes = BenchSupport.intOption(options, "image-bytes", 2048);
        double expired = Double.parseDouble(options.getOrDefault("expired", "0.8"));
        int batchSize = BenchSupport.intOption(options, "batch-size", 5000);
        int rate = BenchSupport.intOption(options, "rate", 2000);
        int ingestSeconds = BenchSupport.intOption(options, "ingest-s", 20);
        int rounds = BenchSupport.intOption(options, "rounds", 3);
        // Unset: the retention-service's default budget (ATC_RETENTION_PURGE_MAX_ROWS_PER_SECOND).
        String purgeRate = options.get("purge-rate");
        String retentionJavaOptions = options.getOrDefault("retention-java-opts", "-Xmx512m");
        String bridgeJavaOptions = options.getOrDefault("bridge-java-opts", "-Xmx1g");
        Path retentionJar =
                Path.of(options.getOrDefault("retention-jar", "retention-service/target/quarkus-app/quarkus-run.jar"));
        Path bridgeJar = Path.of(options.getOrDefault("bridge-jar", "edge-bridge/target/quarkus-app/quarkus-run.jar"));

        PurgeEnvironment purgeEnvironment = new PurgeEnvironment(batchSize, purgeRate, retentionJavaOptions);

        BenchSupport.Scratch scratch = BenchSupport.scratchDatabase(options);
        TestDatabase database = scratch.database;
        Path blobs = Files.createTempDirectory("atc-bench-retention-blobs-");
        int exit = 1;
        MosquittoProcess mosquitto = null;
        Vertx vertx = null;
        PackagedService bridge = null;
        EdgeSimulator simulator = null;
        try {
            System.out.printf(
                    Locale.ROOT,
                    "RetentionPurgeBenchmark: %,d events over %d sites of %d tenants, an image of %,d bytes every %d"
                            + " events, %.0f%% older than the %d-day retention; purge batches of %,d, budget %s rows/s; %d rounds; %d cores; load %s;"
                            + " server: %s%n",
                    events,
                    tenantCount * sitesPerTenant,
                    tenantCount,
                    imageBytes,
                    imageEvery,
                    expired * 100,
                    RETENTION_DAYS,
                    batchSize,
                    purgeRate == null ? "the service's default" : purgeRate,
                    rounds,
                    Runtime.getRuntime().availableProcessors(),
                    Machine.loadAverage(),
                    BenchSupport.serverSettings(database));
            List<EdgeSimulator.Device> devices = provision(database, tenantCount, sitesPerTenant);

            System.out.printf("%n== seed%n");
            Seeded first = seed(database, devices, blobs, events, imageEvery, imageBytes, expired);

            System.out.printf("%n== purge alone%n");
            PurgeFigures alone = purge(database, retentionJar, blobs, purgeEnvironment, first, null);

            mosquitto = MosquittoProcess.start(MosquittoConfig.locateProjectFile());
            MosquittoProcess brokerProcess = mosquitto;
            Runtime.getRuntime().addShutdownHook(new Thread(brokerProcess::close, "bench-broker-stop"));
            MqttBroker broker = mosquitto.broker();
            vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
            String password = DynsecAdmin.newPassword();
            DynsecTestClients.createPublisher(vertx, broker, USER, password, "#");
            bridge = EdgeIngestBenchmark.startBridge(bridgeJar, database, broker, blobs, bridgeJavaOptions);
            simulator = new EdgeSimulator(vertx, broker, USER, password, devices, 100);
            simulator.connect().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            Set<EdgeIngestBenchmark.Key> acked = new HashSet<>();
            ingest(simulator, bridge, acked, rate, 5, "warm-up");
            boolean exact = alone.exact();
            List<Round> results = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                System.out.printf(
                        "%n== round %d of %d: re-seed, then ingest without, beside and again without the purge%n",
                        round, rounds);
                Seeded seeded = seed(database, devices, blobs, events, imageEvery, imageBytes, expired);
                double[] before = ingest(simulator, bridge, acked, rate, ingestSeconds, "A: ingest alone");
                double[][] during = new double[1][];
                EdgeSimulator running = simulator;
                PackagedService runningBridge = bridge;
                PurgeFigures beside = purge(database, retentionJar, blobs, purgeEnvironment, seeded, () -> {
                    during[0] =
                            ingest(running, runningBridge, acked, rate, ingestSeconds, "B: ingest beside the purge");
                });
                double[] after = ingest(simulator, bridge, acked, rate, ingestSeconds, "A': ingest alone again");
                exact &= beside.exact();
                Round result = new Round(before[1], during[0][1], after[1], beside.rowsPerSecond());
                results.add(result);
                System.out.printf(
                        Locale.ROOT,
                        "  round %d: p99 A <= %.1f, B <= %.1f, A' <= %.1f ms: B / mean(A, A') = %.2f; purge beside"
                                + " %,.0f rows/s%n",
                        round,
                        result.alone(),
                        result.beside(),
                        result.aloneAgain(),
                        result.ratio(),
                        result.purgeRowsPerSecond());
            }
            double[] ratios =
                    results.stream().mapToDouble(Round::ratio).sorted().toArray();
            System.out.printf(
                    Locale.ROOT,
                    "%nRESULT purge alone %,.0f rows/s (%,d rows in %.1f s); beside ingest %s rows/s;"
                            + " ingest p99 at %,d msg/s beside the purge / without it, per round: %s (median %.2f;"
                            + " goal <= 1.5); each purge deleted exactly the expired rows: %s%n",
                    alone.rowsPerSecond(),
                    alone.rows(),
                    alone.seconds(),
                    results.stream()
                            .map(r -> String.format(Locale.ROOT, "%,.0f", r.purgeRowsPerSecond()))
                            .toList(),
                    rate,
                    results.stream()
                            .map(r -> String.format(Locale.ROOT, "%.2f", r.ratio()))
                            .toList(),
                    ratios[ratios.length / 2],
                    exact ? "yes" : "NO");
            exit = exact ? 0 : 2;
        } finally {
            if (simulator != null) {
                simulator.close();
            }
            if (bridge != null) {
                if (exit != 0) {
                    System.out.println("bridge log tail:\n" + bridge.logTail(30));
                }
                bridge.close();
            }
            if (vertx != null) {
                vertx.close();
            }
            if (mosquitto != null) {
                mosquitto.close();
            }
            scratch.drop();
            deleteTree(blobs);
        }
        System.exit(exit);
    }

    /** What one seeding left: the rows the purge must delete, and the blob keys of the expired images. */
    record Seeded(long expiredEvents, long expiredImages, long keptEvents, long keptImages) {
        long expiredRows() {
            return expiredEvents + expiredImages;
        }
    }

    /** One round's p99 upper bounds (ms) without (A), beside (B) and again without (A') the purge. */
    record Round(double alone, double beside, double aloneAgain, double purgeRowsPerSecond) {
        double ratio() {
            return beside / ((alone + aloneAgain) / 2);
        }
    }

    /** How the packaged retention-service is started: batch size, rows/s budget (null: its default), JVM options. */
    record PurgeEnvironment(int batchSize, String rowsPerSecond, String javaOptions) {}

    record PurgeFigures(long rows, double seconds, boolean exact) {
        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    /** T tenants of S sites each, one device per site, the tenants' retention 30 days for both kinds. */
    private static List<EdgeSimulator.Device> provision(TestDatabase database, int tenants, int sitesPerTenant)
            throws SQLException {
        List<EdgeSimulator.Device> devices = new ArrayList<>();
        for (int t = 0; t < tenants; t++) {
            SyntheticOrganisation org = SyntheticOrganisations.create(database, "Retention bench tenant " + t);
            try (Connection owner = database.connectAsOwner()) {
                owner.setAutoCommit(false);
                SyntheticOrganisations.bindTenant(owner, org.tenantId());
                List<UUID> sites = new ArrayList<>(org.siteIds());
                try (PreparedStatement insert = owner.prepareStatement(
                        "insert into tenancy.sites (tenant_id, name) values (?, ?) returning site_id")) {
                    for (int s = sites.size(); s < sitesPerTenant; s++) {
                        insert.setObject(1, org.tenantId());
                        insert.setString(2, "bench site " + s);
                        try (ResultSet rows = insert.executeQuery()) {
                            rows.next();
                            sites.add(rows.getObject(1, UUID.class));
                        }
                    }
                }
                try (PreparedStatement insert = owner.prepareStatement(
                        "insert into edge.devices (tenant_id, site_id, name) values (?, ?, ?) returning device_id")) {
                    for (int s = 0; s < sitesPerTenant; s++) {
                        insert.setObject(1, org.tenantId());
                        insert.setObject(2, sites.get(s));
                        insert.setString(3, "bench device " + t + "-" + s);
                        try (ResultSet rows = insert.executeQuery()) {
                            rows.next();
                            devices.add(new EdgeSimulator.Device(
                                    org.tenantId(), sites.get(s), rows.getObject(1, UUID.class)));
                        }
                    }
                }
                try (PreparedStatement insert = owner.prepareStatement(
                        "insert into retention.tenant_defaults (tenant_id, events_days, images_days, updated_by)"
                                + " values (?, ?, ?, 'bench') on conflict (tenant_id) do nothing")) {
                    insert.setObject(1, org.tenantId());
                    insert.setInt(2, RETENTION_DAYS);
                    insert.setInt(3, RETENTION_DAYS);
                    insert.executeUpdate();
                }
                owner.commit();
            }
        }
        return devices;
    }

    /**
     * Inserts the events (and every k-th an image row) of each site with generate_series as the owner,
     * bound to each tenant in turn (RLS is forced for the owner too), writes the images' blobs, and sets
     * edge.site_storage to match what is stored. Each row draws its own age (the lateral subquery names
     * {@code g}, else Postgres evaluates it once per statement and a whole site is expired or kept), so
     * expired and kept rows of a site interleave in the table, as they do after months of ingest.
     */
    private static Seeded seed(
            TestDatabase database,
            List<EdgeSimulator.Device> devices,
            Path blobs,
            int events,
            int imageEvery,
            int imageBytes,
            double expired)
            throws Exception {
        long start = System.nanoTime();
        int perDevice = events / devices.size();
        List<String> imageKeys = new ArrayList<>();
        try (Connection owner = database.connectAsOwner()) {
            owner.setAutoCommit(false);
            for (EdgeSimulator.Device device : devices) {
                SyntheticOrganisations.bindTenant(owner, device.tenantId());
                try (PreparedStatement insert = owner.prepareStatement("""
                        insert into edge.events (tenant_id, site_id, device_id, event_id, occurred_at, received_at,
                                                 type, body, image_id, payload_bytes)
                        select ?, ?, ?, gen_random_uuid(), r.at, r.at, 'motion', '{"zone":"door","score":0.9}',
                               case when g % ? = 0 then gen_random_uuid() end, 120
                          from generate_series(1, ?) g
                         cross join lateral (select now() - case when random() < ? + 0 * g
                                                    then interval '1 day' * (31 + random() * 100)
                                                    else interval '1 day' * (random() * 29) end as at) r
                        """)) {
                    insert.setObject(1, device.tenantId());
                    insert.setObject(2, device.siteId());
                    insert.setObject(3, device.deviceId());
                    insert.setInt(4, imageEvery);
                    insert.setInt(5, perDevice);
                    insert.setDouble(6, expired);
                    insert.executeUpdate();
                }
                try (PreparedStatement images = owner.prepareStatement("""
                        insert into edge.images (tenant_id, site_id, device_id, image_id, blob_key, size_bytes, sha256,
                                                 content_type, received_at)
                        select e.tenant_id, e.site_id, e.device_id, e.image_id,
                               e.tenant_id || '/' || e.site_id || '/' || e.device_id || '/' || e.image_id,
                               ?, sha256(''::bytea), 'image/jpeg', e.received_at
                          from edge.events e
                         where e.tenant_id = ? and e.device_id = ? and e.image_id is not null
                           and not exists (select 1 from edge.images i where i.tenant_id = e.tenant_id
                                             and i.device_id = e.device_id and i.image_id = e.image_id)
                        returning blob_key
                        """)) {
                    images.setLong(1, imageBytes);
                    images.setObject(2, device.tenantId());
                    images.setObject(3, device.deviceId());
                    try (ResultSet keys = images.executeQuery()) {
                        while (keys.next()) {
                            imageKeys.add(keys.getString(1));
                        }
                    }
                }
                try (PreparedStatement storage = owner.prepareStatement("""
                        insert into edge.site_storage (tenant_id, site_id, event_count, event_bytes, image_count,
                                                       image_bytes)
                        select ?, ?, (select count(*) from edge.events where tenant_id = ? and site_id = ?),
                               (select coalesce(sum(payload_bytes), 0) from edge.events where tenant_id = ? and site_id = ?),
                               (select count(*) from edge.images where tenant_id = ? and site_id = ?),
                               (select coalesce(sum(size_bytes), 0) from edge.images where tenant_id = ? and site_id = ?)
                        on conflict (tenant_id, site_id) do update
                           set event_count = excluded.event_count, event_bytes = excluded.event_bytes,
                               image_count = excluded.image_count, image_bytes = excluded.image_bytes
                        """)) {
                    for (int i = 1; i <= 10; i += 2) {
                        storage.setObject(i, device.tenantId());
                        storage.setObject(i + 1, device.siteId());
                    }
                    storage.executeUpdate();
                }
                owner.commit();
            }
        }
        byte[] content = new byte[imageBytes];
        new java.util.Random(17).nextBytes(content);
        FilesystemBlobStore store = new FilesystemBlobStore(blobs);
        IntStream.range(0, imageKeys.size()).parallel().forEach(i -> {
            try {
                store.putIfAbsent(imageKeys.get(i), content);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try (Connection admin = EdgeIngestBenchmark.admin(database);
                Statement statement = admin.createStatement()) {
            statement.execute("vacuum analyze edge.events, edge.images, edge.site_storage");
            // Flush the seed's WAL now: a checkpoint during phase A made its p99 the seed's, not the ingest's.
            statement.execute("checkpoint");
        }
        Seeded seeded = counts(database);
        System.out.printf(
                Locale.ROOT,
                "  %,d events and %,d images stored (%,d blobs written) in %.1f s; expired: %,d events, %,d images%n",
                seeded.expiredEvents + seeded.keptEvents,
                seeded.expiredImages + seeded.keptImages,
                imageKeys.size(),
                (System.nanoTime() - start) / 1e9,
                seeded.expiredEvents,
                seeded.expiredImages);
        return seeded;
    }

    private static Seeded counts(TestDatabase database) throws SQLException {
        try (Connection admin = EdgeIngestBenchmark.admin(database);
                Statement statement = admin.createStatement();
                ResultSet rows = statement.executeQuery("""
                        select (select count(*) from edge.events where received_at < now() - interval '30 days'),
                               (select count(*) from edge.images where received_at < now() - interval '30 days'),
                               (select count(*) from edge.events where received_at >= now() - interval '30 days'),
                               (select count(*) from edge.images where received_at >= now() - interval '30 days')
                        """)) {
            rows.next();
            return new Seeded(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4));
        }
    }

    /**
     * Starts the packaged retention-service with the purge on, runs {@code beside} (if any) once the first
     * site's purge has begun, waits until no run is running and no expired row is left, stops the service,
     * and reads the throughput from the run history.
     */
    private static PurgeFigures purge(
            TestDatabase database, Path jar, Path blobs, PurgeEnvironment settings, Seeded seeded, Runnable beside)
            throws Exception {
        Map<String, String> environment = new HashMap<>();
        environment.put("ATC_DB_URL", database.target().uri());
        environment.put("ATC_DB_APP_USER", database.target().retentionUser());
        environment.put("ATC_DB_APP_PASSWORD", database.target().retentionPassword());
        environment.put("ATC_INTERNAL_JWT_PUBLIC_KEY", InternalTokens.publicKey());
        environment.put("ATC_EDGE_BLOBS_DIR", blobs.toString());
        environment.put("ATC_RETENTION_PURGE_ENABLED", "true");
        environment.put("ATC_RETENTION_PURGE_INTERVAL", "2s");
        environment.put("ATC_RETENTION_PURGE_BATCH_SIZE", String.valueOf(settings.batchSize()));
        if (settings.rowsPerSecond() != null) {
            environment.put("ATC_RETENTION_PURGE_MAX_ROWS_PER_SECOND", settings.rowsPerSecond());
        }
        environment.put("ATC_LOG_JSON", "false");
        environment.put("ATC_LOG_LEVEL", "WARN");
        long wallStart = System.nanoTime();
        try (PackagedService retention = PackagedService.start(
                jar,
                "ATC_RETENTION_PORT",
                environment,
                List.of(settings.javaOptions().strip().split("\\s+")))) {
            retention.awaitReady(Duration.ofSeconds(90));
            awaitFirstRun(database, Duration.ofSeconds(60));
            if (beside != null) {
                beside.run();
            }
            awaitPurged(database, Duration.ofMinutes(20), retention);
        }
        double wall = (System.nanoTime() - wallStart) / 1e9;
        try (Connection admin = EdgeIngestBenchmark.admin(database);
                Statement statement = admin.createStatement();
                ResultSet rows = statement.executeQuery("""
                        select coalesce(sum(events_deleted + images_deleted), 0),
                               extract(epoch from max(finished_at) - min(started_at)), count(*)
                          from retention.runs where kind = 'purge' and status = 'finished'
                        """)) {
            rows.next();
            long deleted = rows.getLong(1);
            double seconds = rows.getDouble(2);
            long runs = rows.getLong(3);
            Seeded left = counts(database);
            boolean exact = deleted == seeded.expiredRows()
                    && left.expiredRows() == 0
                    && left.keptEvents() >= seeded.keptEvents()
                    && left.keptImages() >= seeded.keptImages()
                    && storageMatches(database);
            System.out.printf(
                    Locale.ROOT,
                    "  %,d site runs deleted %,d rows (expected %,d) in %.1f s (first start to last end; %.1f s with"
                            + " the service's start): %,.0f rows/s; expired rows left %,d; site_storage exact: %s%n",
                    runs,
                    deleted,
                    seeded.expiredRows(),
                    seconds,
                    wall,
                    deleted / seconds,
                    left.expiredRows(),
                    storageMatches(database));
            truncateRuns(database);
            return new PurgeFigures(deleted, seconds, exact);
        }
    }

    private static void awaitFirstRun(TestDatabase database, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (scalar(database, "select count(*) from retention.runs") == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no purge run started within " + limit.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
    }

    private static void awaitPurged(TestDatabase database, Duration limit, PackagedService retention) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (scalar(database, "select count(*) from retention.runs where status = 'running'") > 0
                || scalar(database, "select count(*) from retention.blob_deletions") > 0
                || counts(database).expiredRows() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "the purge did not finish within " + limit.toMinutes() + " min:\n" + retention.logTail(30));
            }
            Thread.sleep(250);
        }
    }

    /** site_storage equals what is stored, per site. */
    private static boolean storageMatches(TestDatabase database) throws SQLException {
        return scalar(database, """
                        select count(*) from edge.site_storage s
                         where s.event_count <> (select count(*) from edge.events e
                                                  where e.tenant_id = s.tenant_id and e.site_id = s.site_id)
                            or s.image_count <> (select count(*) from edge.images i
                                                  where i.tenant_id = s.tenant_id and i.site_id = s.site_id)
                            or s.event_bytes <> (select coalesce(sum(payload_bytes), 0) from edge.events e
                                                  where e.tenant_id = s.tenant_id and e.site_id = s.site_id)
                            or s.image_bytes <> (select coalesce(sum(size_bytes), 0) from edge.images i
                                                  where i.tenant_id = s.tenant_id and i.site_id = s.site_id)
                        """) == 0;
    }

    private static void truncateRuns(TestDatabase database) throws SQLException {
        try (Connection admin = EdgeIngestBenchmark.admin(database);
                Statement statement = admin.createStatement()) {
            statement.execute("delete from retention.runs");
        }
    }

    private static long scalar(TestDatabase database, String sql) throws SQLException {
        try (Connection admin = EdgeIngestBenchmark.admin(database);
                Statement statement = admin.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Ingest at {@code rate} for {@code seconds}: {p50 upper bound, p99 upper bound} in ms. */
    private static double[] ingest(
            EdgeSimulator simulator,
            PackagedService bridge,
            Set<EdgeIngestBenchmark.Key> acked,
            int rate,
            int seconds,
            String phase) {
        try {
            System.out.printf(Locale.ROOT, "  %s: %,d messages/s for %d s%n", phase, rate, seconds);
            simulator.start(EdgeSimulator.Target.INGEST, rate, 200, 16_384);
            Thread.sleep(2_000);
            PrometheusScrape before = EdgeIngestBenchmark.scrape(bridge);
            Thread.sleep(seconds * 1000L);
            PrometheusScrape after = EdgeIngestBenchmark.scrape(bridge);
            double[] p50 = PrometheusScrape.quantileMillis(
                    before.buckets(EdgeIngestBenchmark.LAG), after.buckets(EdgeIngestBenchmark.LAG), 0.50);
            double[] p99 = PrometheusScrape.quantileMillis(
                    before.buckets(EdgeIngestBenchmark.LAG), after.buckets(EdgeIngestBenchmark.LAG), 0.99);
            EdgeIngestBenchmark.stopAndCollect(simulator, acked);
            System.out.printf(
                    Locale.ROOT,
                    "    publish-to-commit p50 in (%.1f, %.1f] ms, p99 in (%.1f, %.1f] ms%n",
                    p50[0],
                    p50[1],
                    p99[0],
                    p99[1]);
            return new double[] {p50[1], p99[1]};
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.out.println("  could not delete " + root + ": " + e.getMessage());
        }
    }
}
