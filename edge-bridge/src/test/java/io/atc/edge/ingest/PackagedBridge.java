package io.atc.edge.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.atc.devservices.mqtt.DynsecAdmin;
import io.atc.devservices.mqtt.MqttBroker;
import io.atc.edge.support.Eventually;
import io.atc.testkit.postgres.TestDatabase;
import io.atc.testkit.quarkus.EdgeBridgeEnvironment;
import io.atc.testkit.quarkus.PackagedService;

/** The edge bridge as it ships (target/quarkus-app), on the run's database and a given broker: for tests that kill it. */
final class PackagedBridge {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    /** One for the run: a restarted bridge finds the identity its predecessor's bootstrap made. */
    private static final String INGEST_PASSWORD = DynsecAdmin.newPassword();

    private PackagedBridge() {}

    static PackagedService start(MqttBroker broker, Path blobs, Map<String, String> settings) throws Exception {
        Map<String, String> environment = EdgeBridgeEnvironment.of(
                TestDatabase.shared(),
                broker,
                INGEST_PASSWORD,
                blobs,
                blobs.resolveSibling(blobs.getFileName() + "-pki"));
        environment.putAll(settings);
        PackagedService bridge = PackagedService.start(
                JAR, "ATC_EDGE_PORT", environment, List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"));
        try {
            bridge.awaitReady(Duration.ofSeconds(60));
            Eventually.await(
                    "the packaged bridge subscribed", Duration.ofSeconds(30), () -> connected(bridge), up -> up);
            return bridge;
        } catch (AssertionError | RuntimeException e) {
            String log = bridge.logTail(40);
            bridge.close();
            throw new AssertionError(e.getMessage() + "\nthe bridge's log:\n" + log, e);
        }
    }

    static Path blobDirectory() throws IOException {
        return Files.createTempDirectory("atc-edge-blobs-it-");
    }

    private static boolean connected(PackagedService bridge) {
        try {
            return bridge.getManagement("/q/metrics")
                    .lines()
                    .anyMatch(line -> line.equals("atc_edge_ingest_connected 1.0"));
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
