package io.atc.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.atc.deploy.HelmChart;
import io.atc.deploy.LocalTools;
import io.atc.deploy.RenderedObjects;
import io.atc.devservices.mqtt.MosquittoProcess;
import io.atc.devservices.mqtt.MqttBroker;
import io.atc.testkit.postgres.PostgresServer;
import io.atc.testkit.postgres.TlsPostgres;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

/**
 * The chart's configuration runs the platform: the migrator, the five services and the scheduled
 * verifier are started from the packaged services (the images' contents) with exactly the environment
 * and files the chart gives their pods, and the Secrets deploy/scripts/create-secrets.sh makes, resolved
 * as the kubelet would (PodEnvironment). Only the cluster's addresses are mapped to this machine: each
 * service's Service name to a loopback port, the broker to a broker of the harness (whose own admin
 * replaces the chart's: the chart's initContainer would initialise dynamic security with it). Then the
 * README's first steps go through the gateway, and the verifier passes against a signed checkpoint. The
 * database is reached as the chart says, with sslmode verify-full and the CA from the database Secret.
 */
class TheChartsConfigurationRunsThePlatformIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path HOME = Path.of("").toAbsolutePath().getParent();

    /** The chart's workload of each packaged service. */
    private static final Map<String, String> WORKLOADS = Map.of(
            "tenant-gateway", "atc-gateway",
            "keys-service", "atc-keys",
            "audit-service", "atc-audit",
            "retention-service", "atc-retention",
            "edge-bridge", "atc-edge-bridge",
            "console", "atc-console");

    @TempDir
    Path root;

    @Test
    void theMigratorServicesAndVerifierRunWithTheChartsEnvironmentAndSecrets() throws Exception {
        LocalTools.require("openssl", "kubectl");
        try (TlsPostgres tls = TlsPostgres.start()) {
            runOn(tls);
        }
    }

    private void runOn(TlsPostgres tls) throws Exception {
        PostgresServer server = tls.server();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String database = "atc_it_chart_" + suffix;
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("database.host", server.host());
        values.put("database.port", server.port());
        values.put("database.name", database);
        values.put("database.sslMode", "verify-full");
        values.put("database.users.owner", "atc_it_owner_" + suffix);
        values.put("database.users.app", "atc_it_app_" + suffix);
        values.put("database.users.retention", "atc_it_retention_" + suffix);
        values.put("audit.checkpointInterval", "2s");

        Map<String, Secret> secrets = secrets(tls.caFile());
        List<HasMetadata> rendered =
                RenderedObjects.parse(HelmChart.in(HOME.resolve("deploy")).render(List.of(), values));
        Map<String, ConfigMap> configMaps = new HashMap<>();
        rendered.stream()
                .filter(ConfigMap.class::isInstance)
                .map(ConfigMap.class::cast)
                .forEach(map -> configMaps.put(map.getMetadata().getName(), map));
        PodEnvironment pods = new PodEnvironment(secrets, configMaps, root);
        String ownerPassword = text(secrets.get("atc-database"), "owner-password");

        try (Connection admin = server.connectAsAdmin();
                Statement ddl = admin.createStatement()) {
            ddl.execute("create role " + values.get("database.users.owner") + " login createrole password '"
                    + ownerPassword + "'");
            ddl.execute("create database " + database + " owner " + values.get("database.users.owner"));
        }
        Map<String, Integer> ports = new LinkedHashMap<>();
        Map<String, Integer> managementPorts = new LinkedHashMap<>();
        for (PlatformService service : PlatformService.ALL) {
            ports.put(service.name(), LaunchedPlatform.freePort());
            managementPorts.put(service.name(), LaunchedPlatform.freePort());
        }
        List<ServiceProcess> running = new ArrayList<>();
        MosquittoProcess broker = null;
        try {
            Job migrator = named(rendered, Job.class, "atc-migrator");
            PodSpec migratorPod = migrator.getSpec().getTemplate().getSpec();
            Map<String, String> migratorEnv = pods.resolve(
                    "atc-migrator", migratorPod, migratorPod.getContainers().get(0), value -> value);
            assertThat(run(
                            List.of("java", "-cp", schemaClasspath(), "io.atc.schema.MigrateMain"),
                            migratorEnv,
                            "migrator"))
                    .as("the migration Job's command and environment")
                    .isZero();

            Path brokerConfig = root.resolve("mosquitto.conf");
            Files.writeString(
                    brokerConfig, configMaps.get("atc-broker-config").getData().get("mosquitto.conf"));
            broker = MosquittoProcess.start(brokerConfig);
            MqttBroker local = broker.broker();

            for (PlatformService service : PlatformService.ALL) {
                String workload = WORKLOADS.get(service.name());
                PodSpec pod = podOf(rendered, workload);
                String podName = workload.equals("atc-edge-bridge") ? "atc-edge-bridge-0" : workload + "-0";
                Map<String, String> env =
                        pods.resolve(podName, pod, pod.getContainers().get(0), value -> loopback(value, ports));
                if (service.name().equals("edge-bridge")) {
                    assertThat(env).containsEntry("ATC_EDGE_BROKER_HOST", "atc-broker");
                    env.put("ATC_EDGE_BROKER_HOST", local.host());
                    env.put("ATC_EDGE_BROKER_PORT", String.valueOf(local.port()));
                    env.put("ATC_EDGE_BROKER_ADMIN_USERNAME", local.adminUser());
                    env.put("ATC_EDGE_BROKER_ADMIN_PASSWORD", local.adminPassword());
                }
                ServiceProcess process = ServiceProcess.start(
                        HOME,
                        service,
                        ports.get(service.name()),
                        managementPorts.get(service.name()),
                        env,
                        prefixed(service.name()));
                running.add(process);
            }
            for (ServiceProcess process : running) {
                process.awaitReady(Duration.ofSeconds(150));
                assertThat(status(process.managementUrl() + "/q/health/started"))
                        .as(process.service().name() + ": the chart's startup probe path")
                        .isEqualTo(200);
                assertThat(status(process.managementUrl() + "/q/health/live")).isEqualTo(200);
            }

            String gateway = "http://127.0.0.1:" + ports.get("tenant-gateway");
            HttpResponse<String> onboarded = HTTP.send(
                    HttpRequest.newBuilder(URI.create(gateway + "/v1/tenants"))
                            .header("X-Operator-Token", text(secrets.get("atc-keys"), "operator-token"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Chart Corp\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(onboarded.statusCode()).as(onboarded.body()).isEqualTo(201);
            Matcher key = Pattern.compile("atc_live_[A-Za-z0-9_]+").matcher(onboarded.body());
            assertThat(key.find()).as("a live key in " + onboarded.body()).isTrue();
            HttpResponse<String> keys = HTTP.send(
                    HttpRequest.newBuilder(URI.create(gateway + "/v1/keys"))
                            .header("Authorization", "Bearer " + key.group())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(keys.statusCode()).as(keys.body()).isEqualTo(200);
            assertThat(unencryptedSessions(server, values))
                    .as("sessions of the service roles without TLS")
                    .isEmpty();

            Path checkpoints = root.resolve("claims/atc-audit-checkpoints");
            awaitFile(checkpoints, Duration.ofSeconds(60));
            CronJob verify = named(rendered, CronJob.class, "atc-audit-verify");
            PodSpec verifyPod =
                    verify.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
            Container verifier = verifyPod.getContainers().get(0);
            Map<String, String> verifyEnv = pods.resolve("atc-audit-verify", verifyPod, verifier, value -> value);
            List<String> command = new ArrayList<>();
            for (String argument : verifier.getCommand()) {
                command.add(argument.replace("/deployments/", HOME.resolve("audit-service/target/quarkus-app") + "/")
                        .replace(
                                "/etc/atc/audit-checkpoint/",
                                root.resolve("pods/atc-audit-verify/checkpoint-public-key") + "/"));
            }
            assertThat(run(command, verifyEnv, "audit-verify"))
                    .as("the CronJob's verifier")
                    .isZero();
        } finally {
            running.forEach(ServiceProcess::close);
            if (broker != null) {
                broker.close();
            }
            try (Connection admin = server.connectAsAdmin();
                    Statement ddl = admin.createStatement()) {
                ddl.execute("drop database if exists " + database + " with (force)");
                ddl.execute("drop role if exists " + values.get("database.users.app"));
                ddl.execute("drop role if exists " + values.get("database.users.retention"));
                ddl.execute("drop role if exists " + values.get("database.users.owner"));
            }
        }
    }

    /** Kubernetes Service names to this machine: http://atc-keys:8081 is the keys-service's loopback port. */
    private static String loopback(String value, Map<String, Integer> ports) {
        String mapped = value;
        for (Map.Entry<String, String> workload : WORKLOADS.entrySet()) {
            int port = PlatformService.ALL.stream()
                    .filter(service -> service.name().equals(workload.getKey()))
                    .findFirst()
                    .orElseThrow()
                    .defaultPort();
            mapped = mapped.replace(
                    "http://" + workload.getValue() + ":" + port, "http://127.0.0.1:" + ports.get(workload.getKey()));
        }
        return mapped;
    }

    private Map<String, Secret> secrets(Path ca) throws Exception {
        String yaml = LocalTools.output(List.of(
                HOME.resolve("deploy/scripts/create-secrets.sh").toString(),
                "--database-ca",
                ca.toString(),
                "--broker-host",
                "localhost"));
        Map<String, Secret> secrets = new HashMap<>();
        RenderedObjects.parse(yaml)
                .forEach(object -> secrets.put(object.getMetadata().getName(), (Secret) object));
        return secrets;
    }

    /** Sessions of the two service roles that are not encrypted (pg_stat_ssl), after seeing that there are some. */
    private static List<String> unencryptedSessions(PostgresServer server, Map<String, Object> values)
            throws Exception {
        List<String> plain = new ArrayList<>();
        int all = 0;
        try (Connection admin = server.connectAsAdmin();
                Statement query = admin.createStatement();
                var rows = query.executeQuery("select a.usename, s.ssl, a.client_port, a.backend_start, a.query"
                        + " from pg_stat_activity a join pg_stat_ssl s using (pid)"
                        + " where a.usename in ('" + values.get("database.users.app") + "', '"
                        + values.get("database.users.retention") + "')")) {
            while (rows.next()) {
                all++;
                if (!rows.getBoolean("ssl")) {
                    plain.add(rows.getString("usename") + " port " + rows.getInt("client_port") + " since "
                            + rows.getString("backend_start") + ": " + rows.getString("query"));
                }
            }
        }
        assertThat(all).as("sessions of the service roles").isPositive();
        return plain;
    }

    private static String text(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }

    private static String schemaClasspath() throws Exception {
        try (Stream<Path> jars = Files.list(HOME.resolve("schema/target"))) {
            Path jar = jars.filter(path -> path.getFileName().toString().matches("schema-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("build first: schema/target has no jar"));
            return jar + ":" + HOME.resolve("schema/target/lib") + "/*";
        }
    }

    private static PodSpec podOf(List<HasMetadata> rendered, String name) {
        return rendered.stream()
                .filter(object -> object.getMetadata().getName().equals(name))
                .filter(object -> object instanceof Deployment || object instanceof StatefulSet)
                .map(object -> object instanceof Deployment d
                        ? d.getSpec().getTemplate().getSpec()
                        : ((StatefulSet) object).getSpec().getTemplate().getSpec())
                .findFirst()
                .orElseThrow(() -> new AssertionError("the chart has no workload " + name));
    }

    private static <T extends HasMetadata> T named(List<HasMetadata> rendered, Class<T> kind, String name) {
        return rendered.stream()
                .filter(kind::isInstance)
                .map(kind::cast)
                .filter(object -> object.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the chart has no " + kind.getSimpleName() + " " + name));
    }

    private static int run(List<String> command, Map<String, String> env, String name) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getInputStream().transferTo(prefixed(name));
        assertThat(process.waitFor(120, TimeUnit.SECONDS))
                .as(name + " finished")
                .isTrue();
        return process.exitValue();
    }

    private static int status(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static void awaitFile(Path dir, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            try (Stream<Path> files = Files.walk(dir)) {
                if (files.anyMatch(Files::isRegularFile)) {
                    return;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no checkpoint in " + dir + " within " + timeout.toSeconds() + " s");
    }

    private static PrintStream prefixed(String name) {
        return new PrintStream(System.out, true, StandardCharsets.UTF_8) {
            @Override
            public void println(String line) {
                super.println("[chart " + name + "] " + line);
            }
        };
    }
}
