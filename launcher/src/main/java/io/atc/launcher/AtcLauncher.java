package io.atc.launcher;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The run command: resolves the database and the broker, migrates, starts every service,
 * prints where each listens, and on Ctrl-C stops them all (services first, then what it started).
 */
public final class AtcLauncher {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final Map<String, String> env;
    private final Path home;
    private final PrintStream out;
    private final Deque<AutoCloseable> running = new ArrayDeque<>();

    AtcLauncher(Map<String, String> env, Path home, PrintStream out) {
        this.env = env;
        this.home = home;
        this.out = out;
    }

    public static void main(String[] args) throws InterruptedException {
        Path home =
                Path.of(System.getProperty("atc.home", ".")).toAbsolutePath().normalize();
        AtcLauncher launcher = new AtcLauncher(System.getenv(), home, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            launcher.stop();
                            stopped.countDown();
                        },
                        "atc-launcher-stop"));
        try {
            launcher.start();
        } catch (Exception e) {
            System.err.println("ATC could not start: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    void start() throws Exception {
        if (!Files.isRegularFile(home.resolve("pom.xml"))) {
            throw new IllegalStateException(home + " is not the ATC checkout (set -Datc.home)");
        }
        PlatformDatabase database = remember(PlatformDatabase.open(env));
        PlatformBroker broker = remember(PlatformBroker.open(env));
        InternalTokenKeys keys = InternalTokenKeys.from(env);
        RunSecrets secrets = RunSecrets.from(env, home.resolve(".run-data"));

        Map<String, String> shared = new HashMap<>();
        shared.put("ATC_DB_URL", database.target().uri());
        shared.put("ATC_DB_APP_USER", database.target().appUser());
        shared.put("ATC_DB_APP_PASSWORD", database.target().appPassword());
        shared.put("ATC_INTERNAL_JWT_PUBLIC_KEY", keys.publicKey());
        shared.putIfAbsent("ATC_LOG_JSON", env.getOrDefault("ATC_LOG_JSON", "false"));
        shared.put(
                "ATC_AUDIT_CHECKPOINT_DIR",
                env.getOrDefault(
                        "ATC_AUDIT_CHECKPOINT_DIR",
                        home.resolve(".run-data/audit-checkpoints").toString()));

        shared.put(
                "ATC_EDGE_BLOBS_DIR",
                env.getOrDefault(
                        "ATC_EDGE_BLOBS_DIR",
                        home.resolve(".run-data/edge-blobs").toString()));

        Deque<ServiceProcess> services = new ArrayDeque<>();
        for (PlatformService service : PlatformService.ALL) {
            Map<String, String> environment = new HashMap<>(shared);
            if (service.name().equals("tenant-gateway")) {
                if (!keys.privateKey().isEmpty()) {
                    environment.put("ATC_INTERNAL_JWT_PRIVATE_KEY", keys.privateKey());
                }
                environment.putAll(PlatformService.gatewayUpstreams(env));
            }
            if (service.name().equals("edge-bridge")) {
                environment.putAll(broker.environment());
                environment.putAll(edgePki());
            }
            if (service.name().equals("retention-service")) {
                environment.put("ATC_DB_APP_USER", database.target().retentionUser());
                environment.put("ATC_DB_APP_PASSWORD", database.target().retentionPassword());
            }
            if (service.name().equals("keys-service")) {
                environment.putAll(secrets.environment());
            }
            if (service.name().equals("audit-service")) {
                environment.putAll(auditCheckpointKey());
            }
            if (service.name().equals("console")) {
                environment.putAll(PlatformService.consoleGateway(env));
            }
            services.add(remember(ServiceProcess.start(
                    home, service, service.port(env), service.managementPort(env), environment, out)));
        }
        for (ServiceProcess service : services) {
            service.awaitReady(READY_TIMEOUT);
        }
        broker.offerDeviceTls(
                env,
                PlatformBroker.EdgePkiFiles.in(Path.of(edgePki().get("ATC_EDGE_PKI_DATA_DIR")), env),
                READY_TIMEOUT);
        printSummary(database, broker, services, secrets);
    }

    /**
     * A local run has no PKI secrets: the edge-bridge generates its development root CA and KEK once,
     * kept in .run-data so certificates stay valid across runs; configured ones still win.
     */
    private Map<String, String> edgePki() {
        Map<String, String> pki = new HashMap<>();
        pki.put("ATC_EDGE_PKI_GENERATE_MISSING", env.getOrDefault("ATC_EDGE_PKI_GENERATE_MISSING", "true"));
        pki.put(
                "ATC_EDGE_PKI_DATA_DIR",
                env.getOrDefault(
                        "ATC_EDGE_PKI_DATA_DIR",
                        home.resolve(".run-data/edge-pki").toString()));
        return pki;
    }

    /**
     * A local run has no checkpoint signing secret: the audit-service generates a development key in
     * the checkpoint directory (production refuses to start without ATC_AUDIT_CHECKPOINT_SIGNING_KEY).
     */
    private Map<String, String> auditCheckpointKey() {
        String variable = "ATC_AUDIT_CHECKPOINT_GENERATE_DEV_KEY";
        return Map.of(variable, env.getOrDefault(variable, "true"));
    }

    synchronized void stop() {
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e.getMessage());
            }
        }
    }

    private synchronized <T extends AutoCloseable> T remember(T resource) {
        running.push(resource);
        return resource;
    }

    private void printSummary(
            PlatformDatabase database, PlatformBroker broker, Deque<ServiceProcess> services, RunSecrets secrets) {
        out.println();
        out.println("ATC platform is up.");
        out.println("  database  " + database.description());
        out.println("  broker    " + broker.description());
        broker.deviceTls().ifPresent(tls -> {
            out.println(
                    "  device TLS  " + tls.host() + ":" + tls.port() + "   (mTLS: a certificate the platform issued, no"
                            + " password; set ATC_EDGE_BROKER_TLS_PORT to choose the port)");
            out.println("              mosquitto_pub -h localhost -p " + tls.port() + " --cafile " + tls.caFile()
                    + " --cert device-chain.pem --key device.key -t atc/<tenant>/<site>/<device>/events -m '{…}'");
            out.println(
                    "              (docs/edge.md, \"Try certificate login locally\": the CSR, the API call, the event)");
        });
        for (ServiceProcess service : services) {
            out.printf(
                    "  %-17s %-22s management: %s   (/q/health/ready, /q/metrics, /q/openapi)%n",
                    service.service().name(), service.url(), service.managementUrl());
        }
        secrets.generatedOperatorToken()
                .ifPresent(token -> out.println("  operator  " + token
                        + "   (this run's operator credential, shown once; set ATC_OPERATOR_TOKEN to choose)"));
        out.println("Press Ctrl-C to stop everything.");
    }
}
