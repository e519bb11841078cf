package io.atc.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.atc.devservices.mqtt.DynsecAdmin;
import io.atc.devservices.mqtt.MosquittoConfig;
import io.atc.devservices.mqtt.MosquittoProcess;
import io.atc.devservices.mqtt.MqttBroker;
import io.atc.testkit.broker.DynsecTestClients;
import io.atc.testkit.orgs.SyntheticOrganisation;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.atc.testkit.quarkus.EdgeBridgeEnvironment;
import io.atc.testkit.quarkus.PackagedService;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;

/**
 * The edge simulator and the ingest benchmark (docs/benchmarks.md, "Edge ingest"): N devices across
 * T tenants publish at QoS 1 through a Mosquitto started from deploy/mosquitto/mosquitto.conf, into
 * the packaged edge bridge (PUBACK to the broker only after the Postgres commit), on a fresh
 * migrated database. Phases, one after the other:
 * <ol>
 * <li>warm-up at a moderate rate;</li>
 * <li>broker-only ceiling: the same devices, as fast as their windows allow, to bench/... topics
 * read by one plain QoS 1 subscriber (no database): messages/s the subscriber received;</li>
 * <li>ingest, saturated: as fast as the windows allow into the bridge: events and images stored
 * per second (the bridge's own counters);</li>
 * <li>ingest at a fixed rate below saturation: publish-to-commit latency, from the bridge's
 * histogram of occurred_at (set by the simulator at publish) to commit;</li>
 * <li>verification: every message the broker acknowledged in phases 1, 3 and 4 is stored exactly once.</li>
 * </ol>
 *
 * <pre>
 * --devices 100 --tenants 10 --warmup-s 5 --broker-s 10 --saturate-s 20 --latency-s 15 [--latency-rate R]
 * --image-every 200 --image-bytes 16384 --window 100 [--bridge-java-opts "-Xmx1g"] [--pg-host .. --pg-port ..]
 * </pre>
 */
public final class EdgeIngestBenchmark {

    private static final String STORED_EVENTS = "atc_edge_ingest_stored_total{kind=\"event\"}";
    private static final String STORED_IMAGES = "atc_edge_ingest_stored_total{kind=\"image\"}";
    static final String LAG = "atc_edge_ingest_lag_seconds";
    private static final String USER = "bench-devices";
    static final String INGEST_PASSWORD = DynsecAdmin.newPassword();

    record Key(UUID deviceId, UUID id) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchSupport.options(args);
        int deviceCount = BenchSupport.intOption(options, "devices", 100);
        int tenantCount = BenchSupport.intOption(options, "tenants", 10);
        int warmupSeconds = BenchSupport.intOption(options, "warmup-s", 5);
        int brokerSeconds = BenchSupport.intOption(options, "broker-s", 10);
        int saturateSeconds = BenchSupport.intOption(options, "saturate-s", 20);
        int latencySeconds = BenchSupport.intOption(options, "latency-s", 15);
        int latencyRate = BenchSupport.intOption(options, "latency-rate", 0);
        int imageEvery = BenchSupport.intOption(options, "image-every", 200);
        int imageBytes = BenchSupport.intOption(options, "image-bytes", 16_384);
        int window = BenchSupport.intOption(options, "window", 100);
        String javaOptions = options.getOrDefault("bridge-java-opts", "-Xmx1g");
        Path jar = Path.of(options.getOrDefault("bridge-jar", "edge-bridge/target/quarkus-app/quarkus-run.jar"));

        BenchSupport.Scratch scratch = BenchSupport.scratchDatabase(options);
        TestDatabase database = scratch.database;
        MosquittoProcess mosquitto = MosquittoProcess.start(MosquittoConfig.locateProjectFile());
        Runtime.getRuntime().addShutdownHook(new Thread(mosquitto::close, "bench-broker-stop"));
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        Path blobs = Files.createTempDirectory("atc-bench-blobs-");
        int exit = 1;
        PackagedService bridge = null;
        try {
            MqttBroker broker = mosquitto.broker();
            System.out.printf(
                    "EdgeIngestBenchmark: %d devices, %d tenants, window %d per device, an image of %,d bytes"
                            + " every %d messages; %d cores; server: %s%n",
                    deviceCount,
                    tenantCount,
                    window,
                    imageBytes,
                    imageEvery,
                    Runtime.getRuntime().availableProcessors(),
                    BenchSupport.serverSettings(database));
            List<EdgeSimulator.Device> devices = registerDevices(database, tenantCount, deviceCount);
            String password = DynsecAdmin.newPassword();
            DynsecTestClients.createPublisher(vertx, broker, USER, password, "#");
            bridge = startBridge(jar, database, broker, blobs, javaOptions);
            AtomicLong subscriberReceived = new AtomicLong();
            MqttClient subscriber = plainSubscriber(vertx, broker, subscriberReceived);
            EdgeSimulator simulator = new EdgeSimulator(vertx, broker, USER, password, devices, window);
            simulator.connect().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            Set<Key> acked = new HashSet<>();

            System.out.printf("%n== warm-up: %d s at 3,000 messages/s%n", warmupSeconds);
            simulator.start(EdgeSimulator.Target.INGEST, 3_000, imageEvery, imageBytes);
            Thread.sleep(warmupSeconds * 1000L);
            stopAndCollect(simulator, acked);
            awaitStored(database, acked.size(), Duration.ofSeconds(120));

            System.out.printf(
                    "%n== broker only: %d s, as fast as the windows allow, one plain subscriber%n", brokerSeconds);
            simulator.start(EdgeSimulator.Target.BROKER_ONLY, 0, 0, 0);
            Thread.sleep(2_000);
            long received0 = subscriberReceived.get();
            long brokerAcked0 = simulator.acked();
            long start = System.nanoTime();
            Thread.sleep(brokerSeconds * 1000L);
            double brokerElapsed = (System.nanoTime() - start) / 1e9;
            double brokerRate = (subscriberReceived.get() - received0) / brokerElapsed;
            double brokerAckRate = (simulator.acked() - brokerAcked0) / brokerElapsed;
            simulator.stop();
            simulator.awaitIdle(30_000);
            simulator.drainAcked();
            System.out.printf(
                    "  subscriber received %,.0f messages/s (publishers acknowledged %,.0f/s)%n",
                    brokerRate, brokerAckRate);

            System.out.printf("%n== ingest, saturated: %d s as fast as the windows allow%n", saturateSeconds);
            simulator.start(EdgeSimulator.Target.INGEST, 0, imageEvery, imageBytes);
            Thread.sleep(3_000);
            PrometheusScrape before = scrape(bridge);
            start = System.nanoTime();
            Thread.sleep(saturateSeconds * 1000L);
            PrometheusScrape after = scrape(bridge);
            double saturatedElapsed = (System.nanoTime() - start) / 1e9;
            double eventRate = (after.value(STORED_EVENTS) - before.value(STORED_EVENTS)) / saturatedElapsed;
            double imageRate = (after.value(STORED_IMAGES) - before.value(STORED_IMAGES)) / saturatedElapsed;
            stopAndCollect(simulator, acked);
            System.out.printf(
                    "  stored %,.0f events/s + %,.0f images/s = %,.0f messages/s committed (PUBACK after commit)%n",
                    eventRate, imageRate, eventRate + imageRate);
            long drainStart = System.nanoTime();
            awaitStored(database, acked.size(), Duration.ofSeconds(300));
            System.out.printf(
                    "  backlog drained %.1f s after the publishers stopped%n", (System.nanoTime() - drainStart) / 1e9);

            int rate = latencyRate > 0
                    ? latencyRate
                    : (int) Math.max(100, Math.round((eventRate + imageRate) * 0.7 / 100) * 100);
            System.out.printf(
                    "%n== ingest at %,d messages/s for %d s: publish-to-commit latency%n", rate, latencySeconds);
            simulator.start(EdgeSimulator.Target.INGEST, rate, imageEvery, imageBytes);
            Thread.sleep(3_000);
            before = scrape(bridge);
            long acked0 = simulator.acked();
            start = System.nanoTime();
            Thread.sleep(latencySeconds * 1000L);
            after = scrape(bridge);
            double latencyElapsed = (System.nanoTime() - start) / 1e9;
            double offered = (simulator.acked() - acked0) / latencyElapsed;
            double stored = (after.value(STORED_EVENTS)
                            + after.value(STORED_IMAGES)
                            - before.value(STORED_EVENTS)
                            - before.value(STORED_IMAGES))
                    / latencyElapsed;
            double[] p50 = PrometheusScrape.quantileMillis(before.buckets(LAG), after.buckets(LAG), 0.50);
            double[] p99 = PrometheusScrape.quantileMillis(before.buckets(LAG), after.buckets(LAG), 0.99);
            stopAndCollect(simulator, acked);
            System.out.printf(
                    "  offered %,.0f/s, stored %,.0f/s; latency p50 in (%.1f, %.1f] ms, p99 in (%.1f, %.1f] ms%n",
                    offered, stored, p50[0], p50[1], p99[0], p99[1]);
            awaitStored(database, acked.size(), Duration.ofSeconds(120));

            System.out.printf("%n== verification%n");
            boolean exact = verify(database, acked) && simulator.orderViolations() == 0;
            PrometheusScrape last = scrape(bridge);
            System.out.printf(
                    "  bridge counters: batches committed %,.0f, nothing-new %,.0f, failed %,.0f; duplicates %,.0f;"
                            + " dropped %,.0f%n",
                    last.value("atc_edge_ingest_batches_total{outcome=\"committed\"}"),
                    last.value("atc_edge_ingest_batches_total{outcome=\"nothing-new\"}"),
                    last.value("atc_edge_ingest_batches_total{outcome=\"failed\"}"),
                    last.value("atc_edge_ingest_duplicates_total{kind=\"event\"}")
                            + last.value("atc_edge_ingest_duplicates_total{kind=\"image\"}"),
                    dropped(last));
            System.out.printf(
                    "%nRESULT broker-only %,.0f msg/s; ingest saturated %,.0f msg/s (%,.0f events/s); latency at %,d/s:"
                            + " p50 <= %.1f ms, p99 <= %.1f ms; exactly once: %s%n",
                    brokerRate, eventRate + imageRate, eventRate, rate, p50[1], p99[1], exact ? "yes" : "NO");
            simulator.close();
            subscriber.disconnect();
            exit = exact ? 0 : 2;
        } finally {
            if (bridge != null) {
                if (exit != 0) {
                    System.out.println("bridge log tail:\n" + bridge.logTail(30));
                }
                bridge.close();
            }
            vertx.close();
            mosquitto.close();
            scratch.drop();
        }
        System.exit(exit);
    }

    private static List<EdgeSimulator.Device> registerDevices(TestDatabase database, int tenants, int devices)
            throws SQLException {
        List<EdgeSimulator.Device> all = new ArrayList<>();
        List<SyntheticOrganisation> orgs = new ArrayList<>();
        for (int t = 0; t < tenants; t++) {
            orgs.add(SyntheticOrganisations.create(database, "Bench tenant " + t));
        }
        try (Connection app = database.connectAsApp()) {
            app.setAutoCommit(false);
            for (int d = 0; d < devices; d++) {
                SyntheticOrganisation org = orgs.get(d % tenants);
                UUID site = org.siteIds().get((d / tenants) % org.siteIds().size());
                SyntheticOrganisations.bindTenant(app, org.tenantId());
                try (PreparedStatement insert = app.prepareStatement(
                        "insert into edge.devices (tenant_id, site_id, name) values (?, ?, ?) returning device_id")) {
                    insert.setObject(1, org.tenantId());
                    insert.setObject(2, site);
                    insert.setString(3, "bench device " + d);
                    try (ResultSet rows = insert.executeQuery()) {
                        rows.next();
                        all.add(new EdgeSimulator.Device(org.tenantId(), site, rows.getObject(1, UUID.class)));
                    }
                }
                app.commit();
            }
        }
        return all;
    }

    static PackagedService startBridge(
            Path jar, TestDatabase database, MqttBroker broker, Path blobs, String javaOptions)
            throws InterruptedException {
        Map<String, String> environment = EdgeBridgeEnvironment.of(
                database, broker, INGEST_PASSWORD, blobs, blobs.resolveSibling(blobs.getFileName() + "-pki"));
        environment.put("ATC_LOG_JSON", "false");
        PackagedService bridge = PackagedService.start(
                jar, "ATC_EDGE_PORT", environment, List.of(javaOptions.strip().split("\\s+")));
        bridge.awaitReady(Duration.ofSeconds(90));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (scrape(bridge).value("atc_edge_ingest_connected") != 1.0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the bridge did not subscribe:\n" + bridge.logTail(30));
            }
            Thread.sleep(200);
        }
        return bridge;
    }

    private static MqttClient plainSubscriber(Vertx vertx, MqttBroker broker, AtomicLong received) throws Exception {
        MqttClient subscriber = MqttClient.create(
                vertx,
                new MqttClientOptions()
                        .setUsername(broker.adminUser())
                        .setPassword(broker.adminPassword())
                        .setClientId("bench-plain-subscriber")
                        .setMaxMessageSize(1 << 24));
        subscriber.publishHandler(message -> received.incrementAndGet());
        subscriber
                .connect(broker.port(), broker.host())
                .compose(connected -> subscriber.subscribe("bench/#", 1))
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        return subscriber;
    }

    static void stopAndCollect(EdgeSimulator simulator, Set<Key> acked) throws InterruptedException {
        simulator.stop();
        if (!simulator.awaitIdle(60_000)) {
            System.out.println("  (some publishes were still unacknowledged after 60 s)");
        }
        simulator.drainAcked().forEach(message -> acked.add(new Key(message.deviceId(), message.id())));
    }

    static PrometheusScrape scrape(PackagedService bridge) {
        try {
            return new PrometheusScrape(bridge.getManagement("/q/metrics"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double dropped(PrometheusScrape scrape) {
        double total = 0;
        for (String reason : List.of(
                "malformed-topic",
                "unknown-device",
                "disabled-device",
                "topic-mismatch",
                "oversize",
                "malformed-json",
                "invalid-event",
                "invalid-image",
                "rejected-by-database")) {
            total += scrape.value("atc_edge_ingest_dropped_total{reason=\"" + reason + "\"}");
        }
        return total;
    }

    /** As the server's administrator: the benchmark counts across tenants, which no service may. */
    static Connection admin(TestDatabase database) throws SQLException {
        return DriverManager.getConnection(
                database.server().jdbcUrl(database.name()),
                database.server().adminUser(),
                database.server().adminPassword());
    }

    private static void awaitStored(TestDatabase database, long expected, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        try (Connection admin = admin(database);
                Statement count = admin.createStatement()) {
            while (true) {
                long stored;
                try (ResultSet rows = count.executeQuery(
                        "select (select count(*) from edge.events) + (select count(*) from edge.images)")) {
                    rows.next();
                    stored = rows.getLong(1);
                }
                if (stored >= expected) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    System.out.printf(
                            "  only %,d of %,d acknowledged messages stored after %d s%n",
                            stored, expected, limit.toSeconds());
                    return;
                }
                Thread.sleep(250);
            }
        }
    }

    /** Every acknowledged message is stored once; a stored row that was never acknowledged is reported too. */
    private static boolean verify(TestDatabase database, Set<Key> acked) throws SQLException {
        Set<Key> missing = new HashSet<>(acked);
        long rows = 0;
        long unacknowledged = 0;
        try (Connection admin = admin(database);
                Statement query = admin.createStatement()) {
            admin.setAutoCommit(false);
            query.setFetchSize(10_000);
            try (ResultSet stored = query.executeQuery(
                    "select device_id, event_id from edge.events union all select device_id, image_id from edge.images")) {
                while (stored.next()) {
                    rows++;
                    if (!missing.remove(new Key(stored.getObject(1, UUID.class), stored.getObject(2, UUID.class)))) {
                        unacknowledged++;
                    }
                }
            }
            admin.commit();
        }
        System.out.printf(
                "  %,d acknowledged messages, %,d stored rows, %,d acknowledged but missing, %,d stored but"
                        + " not acknowledged (or stored twice)%n",
                acked.size(), rows, missing.size(), unacknowledged);
        return missing.isEmpty() && unacknowledged == 0;
    }
}
