package io.atc.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.atc.devservices.mqtt.MqttBroker;
import io.atc.testkit.mqtt.TestMqttClient;
import io.vertx.core.Vertx;

/**
 * With no configuration at all, the run command comes up on an embedded Postgres and a Mosquitto of
 * its own, every service reports ready (database included), the gateway routes to the services on
 * the ports this run gave them, a device registered through it publishes into the database, and
 * Ctrl-C stops every service it started.
 */
class RunCommandOnEmbeddedPostgresIT {

    @Test
    void everyServiceIsReadyOnEmbeddedPostgresAndStopsCleanly() throws Exception {
        try (LaunchedPlatform platform = LaunchedPlatform.start(Map.of())) {
            platform.awaitUp(Duration.ofSeconds(150));

            assertThat(platform.output()).contains("database  embedded Postgres");
            for (String service : platform.services()) {
                assertThat(platform.readiness(service)).contains("\"status\": \"UP\"");
                if (!service.equals("console")) {
                    assertThat(platform.readiness(service)).contains("PostgreSQL");
                }
            }
            theManagementSurfaceIsOnlyOnTheManagementPorts(platform);
            Matcher operator = Pattern.compile("operator  (\\S+)").matcher(platform.output());
            assertThat(operator.find())
                    .as("the run prints its operator credential")
                    .isTrue();
            HttpResponse<String> onboarded = platform.throughGateway(HttpRequest.newBuilder()
                    .uri(platform.gatewayUri("/v1/tenants"))
                    .header("X-Operator-Token", operator.group(1))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Run check\"}")));
            assertThat(onboarded.statusCode()).as(onboarded.body()).isEqualTo(201);
            assertThat(onboarded.body()).contains("tenantId");
            theGatewayEnforcesRealKeysEndToEnd(platform, field(onboarded.body(), "key"));
            aDeviceRegisteredThroughTheGatewayPublishesIntoTheDatabase(platform, field(onboarded.body(), "key"));

            platform.stop();
            assertThat(platform.anyServiceListening())
                    .as("a service still listens after stop")
                    .isFalse();
        }
    }

    /**
     * The whole path with real services: keys issued by the keys-service, verified by the gateway
     * (argon2id once, then cached), IP allowlist, CORS, internal token forwarded to the service,
     * and a revocation that stops the key on the gateway within a second of the commit.
     */
    private static void theGatewayEnforcesRealKeysEndToEnd(LaunchedPlatform platform, String adminKey)
            throws Exception {
        assertThat(send(platform, "GET", "/v1/keys", adminKey, null, null).statusCode())
                .as("admin lists keys")
                .isEqualTo(200);
        assertThat(send(
                                platform,
                                "GET",
                                "/v1/keys",
                                adminKey.substring(0, adminKey.length() - 6) + "AAAAAA",
                                null,
                                null)
                        .statusCode())
                .as("a key with a broken checksum")
                .isEqualTo(401);

        String elsewhere = field(
                send(
                                platform,
                                "POST",
                                "/v1/keys",
                                adminKey,
                                null,
                                "{\"name\": \"office only\", \"scopes\": [\"keys:read\"], \"allowedCidrs\": [\"10.0.0.0/8\"]}")
                        .body(),
                "key");
        assertThat(send(platform, "GET", "/v1/keys", elsewhere, null, null).statusCode())
                .as("outside the allowlist")
                .isEqualTo(403);

        HttpResponse<String> created = send(
                platform,
                "POST",
                "/v1/keys",
                adminKey,
                null,
                "{\"name\": \"browser\", \"scopes\": [\"keys:read\"], \"allowedCidrs\": [\"127.0.0.0/8\", \"::1/128\"],"
                        + " \"allowedOrigins\": [\"https://app.example.com\"]}");
        String browser = field(created.body(), "key");
        String browserId = field(created.body(), "id");
        HttpResponse<String> allowed = send(platform, "GET", "/v1/keys", browser, "https://app.example.com", null);
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example.com");
        assertThat(allowed.headers().allValues("Vary").toString()).contains("Origin");
        HttpResponse<String> foreign =
                send(platform, "GET", "/v1/keys", browser, "https://app.example.com.evil.io", null);
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> preflight = platform.throughGateway(HttpRequest.newBuilder()
                .uri(platform.gatewayUri("/v1/keys"))
                .header("Origin", "https://app.example.com")
                .header("Access-Control-Request-Method", "GET")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .as("preflight of a key's origin")
                .hasValue("https://app.example.com");
        HttpResponse<String> lacking = send(platform, "GET", "/v1/keys", adminKey, "https://app.example.com", null);
        assertThat(lacking.statusCode())
                .as("after the preflight, a key whose own list lacks the origin")
                .isEqualTo(403);
        assertThat(lacking.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        assertThat(send(platform, "DELETE", "/v1/keys/" + browserId, adminKey, null, null)
                        .statusCode())
                .isEqualTo(204);
        long revokedAt = System.nanoTime();
        int status = 200;
        while (status == 200
                && System.nanoTime() - revokedAt < Duration.ofSeconds(5).toNanos()) {
            status = send(platform, "GET", "/v1/keys", browser, null, null).statusCode();
        }
        assertThat(status).as("the revoked key is refused").isEqualTo(401);
        assertThat(Duration.ofNanos(System.nanoTime() - revokedAt))
                .as("revocation reached the gateway")
                .isLessThan(Duration.ofSeconds(1));
    }

    /**
     * The edge bridge got the run's broker admin and ingest password: registration provisions the
     * device at the run's broker, and an event the device publishes there is stored by the ingest.
     */
    private static void aDeviceRegisteredThroughTheGatewayPublishesIntoTheDatabase(
            LaunchedPlatform platform, String adminKey) throws Exception {
        HttpResponse<String> site =
                send(platform, "POST", "/v1/sites", adminKey, null, "{\"name\": \"Run check site\"}");
        assertThat(site.statusCode()).as(site.body()).isEqualTo(201);
        HttpResponse<String> device = send(
                platform,
                "POST",
                "/v1/sites/" + field(site.body(), "id") + "/devices",
                adminKey,
                null,
                "{\"name\": \"Run check camera\"}");
        assertThat(device.statusCode()).as("device registration").isEqualTo(201);
        assertThat(field(device.body(), "mqttUsername")).startsWith("d-");

        Matcher broker = Pattern.compile("broker .* at ([0-9.]+):(\\d+)").matcher(platform.output());
        assertThat(broker.find()).as("the run prints its broker").isTrue();
        MqttBroker runBroker = new MqttBroker(broker.group(1), Integer.parseInt(broker.group(2)), null, null, "run");
        Vertx vertx = Vertx.vertx();
        // A device's only client id is its username (docs/edge.md, "One client id per credential").
        try (TestMqttClient camera = TestMqttClient.connect(
                vertx,
                runBroker,
                field(device.body(), "mqttUsername"),
                field(device.body(), "mqttPassword"),
                field(device.body(), "mqttUsername"))) {
            camera.publish(
                    field(device.body(), "eventsTopic"),
                    "{\"event_id\": \"" + UUID.randomUUID() + "\", \"occurred_at\": \"" + Instant.now()
                            + "\", \"type\": \"run.check\"}");
        } finally {
            vertx.close();
        }
        awaitStoredEvents(platform, 1);

        aCertificateTheRunIssuedLogsInOnItsDeviceTlsListener(platform, adminKey, site.body(), device.body());
    }

    /**
     * ./run offers the device mTLS listener: a certificate issued through the gateway connects with
     * no password to the listener the summary prints, trusting the CA file it names, and its event
     * is stored. Breaks when: the run's broker has no TLS listener (on main: no "device TLS" line).
     */
    private static void aCertificateTheRunIssuedLogsInOnItsDeviceTlsListener(
            LaunchedPlatform platform, String adminKey, String site, String device) throws Exception {
        Matcher tls = Pattern.compile("device TLS  ([0-9.]+):(\\d+)").matcher(platform.output());
        assertThat(tls.find()).as("the run prints its device TLS listener").isTrue();
        Matcher caFile = Pattern.compile("--cafile (\\S+)").matcher(platform.output());
        assertThat(caFile.find()).as("the run prints the CA file devices trust").isTrue();
        HttpResponse<String> issued = send(
                platform,
                "POST",
                "/v1/sites/" + field(site, "id") + "/devices/" + field(device, "id") + "/certificates",
                adminKey,
                null,
                "{}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        TestMqttClient.TlsIdentity identity = new TestMqttClient.TlsIdentity(
                Files.readString(Path.of(caFile.group(1))),
                pem(field(issued.body(), "certificateChain")),
                pem(field(issued.body(), "privateKey")));
        Vertx vertx = Vertx.vertx();
        try (TestMqttClient camera = connectTls(vertx, tls.group(1), Integer.parseInt(tls.group(2)), identity)) {
            camera.publish(
                    field(device, "eventsTopic"),
                    "{\"event_id\": \"" + UUID.randomUUID() + "\", \"occurred_at\": \"" + Instant.now()
                            + "\", \"type\": \"run.check.tls\"}");
        } finally {
            vertx.close();
        }
        awaitStoredEvents(platform, 2);
    }

    /**
     * The first certificate of a tenant comes with a new tenant CA, whose CRL the broker must have
     * read before it accepts the certificate: the launcher sends it a SIGHUP within a second of the
     * bridge rewriting the CRL file, so the first attempts may be refused.
     */
    private static TestMqttClient connectTls(Vertx vertx, String host, int port, TestMqttClient.TlsIdentity identity)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                return TestMqttClient.connectTls(vertx, host, port, identity);
            } catch (RuntimeException refused) {
                if (System.nanoTime() > deadline) {
                    throw refused;
                }
                Thread.sleep(250);
            }
        }
    }

    private static void awaitStoredEvents(LaunchedPlatform platform, int events) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!platform.fromManagement("edge-bridge", "/q/metrics")
                .body()
                .contains("atc_edge_ingest_stored_total{kind=\"event\"} " + events + ".0")) {
            assertThat(System.nanoTime() - deadline)
                    .as("%d event(s) stored by the ingest within 10 s", events)
                    .isNegative();
            Thread.sleep(100);
        }
    }

    /**
     * ./run's services answer health, metrics and OpenAPI on their management ports only, which, like the
     * internal services' API ports, accept no connection on the machine's other addresses; only the
     * gateway's public port does. The summary says where each listens. Breaks when: a service serves /q
     * on its API port (or the gateway on its public port) again, a listener binds 0.0.0.0 by default
     * (as every service did before issue 16), or the launcher waits for readiness on the API port.
     */
    private static void theManagementSurfaceIsOnlyOnTheManagementPorts(LaunchedPlatform platform) throws Exception {
        for (String service : platform.services()) {
            // The console has no API, so no OpenAPI document.
            List<String> paths = service.equals("console")
                    ? List.of("/q/health/ready", "/q/metrics")
                    : List.of("/q/health/ready", "/q/metrics", "/q/openapi");
            for (String path : paths) {
                assertThat(platform.fromServicePort(service, path).statusCode())
                        .as("%s %s on its own port", service, path)
                        .isEqualTo(404);
                assertThat(platform.fromManagement(service, path).statusCode())
                        .as("%s %s on its management port", service, path)
                        .isEqualTo(200);
            }
        }
        Optional<InetAddress> external = nonLoopbackAddress();
        if (external.isPresent()) {
            for (String service : platform.services()) {
                assertThat(platform.acceptsOnManagementPort(service, external.get()))
                        .as("%s's management port on %s", service, external.get())
                        .isFalse();
                assertThat(platform.acceptsOnServicePort(service, external.get()))
                        .as("%s's own port on %s", service, external.get())
                        .isEqualTo(service.equals("tenant-gateway"));
            }
        }
        assertThat(platform.output())
                .containsPattern("tenant-gateway +http://\\S+ +management: http://127\\.0\\.0\\.1:\\d+");
    }

    /** An address of this machine other than loopback, where only the gateway's public port may answer. */
    private static Optional<InetAddress> nonLoopbackAddress() throws Exception {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!network.isUp() || network.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(network.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    return Optional.of(address);
                }
            }
        }
        return Optional.empty();
    }

    private static HttpResponse<String> send(
            LaunchedPlatform platform, String method, String path, String key, String origin, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder()
                .uri(platform.gatewayUri(path))
                .header("Authorization", "Bearer " + key)
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        return platform.throughGateway(request);
    }

    /** A PEM value as JSON escapes it, back to its lines. */
    private static String pem(String escaped) {
        return escaped.replace("\\n", "\n");
    }

    private static String field(String json, String name) {
        Matcher matcher =
                Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertThat(matcher.find())
                .as("%s in %s", name, json.replaceAll("atc_[a-z]+_[0-9A-Za-z]+_[0-9A-Za-z]+", "atc_<redacted>"))
                .isTrue();
        return matcher.group(1);
    }
}
