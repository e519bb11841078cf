package io.atc.edge.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

import io.atc.devservices.mqtt.DynsecAdmin;
import io.atc.devservices.mqtt.MqttBroker;
import io.atc.testkit.broker.BrokerResolver;
import io.atc.testkit.quarkus.AtcTestResources;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The run's database and internal-token key ({@link AtcTestResources}) plus the run's Mosquitto
 * with dynamic security ({@link BrokerResolver}), which the bridge reaches through a
 * {@link BrokerLink} so that tests can stage an outage, an ingest password made up for the run, and
 * a blob directory of the run's own. The ingest itself runs only in tests with the profile
 * {@code IngestRunning}.
 */
public class EdgeBridgeTestResources implements QuarkusTestResourceLifecycleManager {

    private static final String INGEST_PASSWORD = DynsecAdmin.newPassword();
    private static BrokerLink link;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(new AtcTestResources().start());
        MqttBroker broker = broker();
        config.put("atc.edge.broker.host", "127.0.0.1");
        config.put("atc.edge.broker.port", String.valueOf(link().port()));
        config.put("atc.edge.broker.admin-username", broker.adminUser());
        config.put("atc.edge.broker.admin-password", broker.adminPassword());
        config.put("atc.edge.broker.ingest-password", INGEST_PASSWORD);
        config.put("atc.edge.broker.command-timeout", "2s");
        config.put("atc.edge.broker.reconnect-max-backoff", "500ms");
        config.put("atc.edge.blobs.dir", temporaryDirectory("atc-edge-blobs-"));
        return config;
    }

    @Override
    public void stop() {
        // The broker and the link outlive a single Quarkus start; the broker stops when the JVM ends.
    }

    /** The broker itself, for devices and admins in tests. */
    public static MqttBroker broker() {
        return BrokerResolver.resolve();
    }

    /** The bridge's way to the broker. */
    public static synchronized BrokerLink link() {
        if (link == null) {
            MqttBroker broker = broker();
            link = BrokerLink.to(broker.host(), broker.port());
        }
        return link;
    }

    public static String ingestPassword() {
        return INGEST_PASSWORD;
    }

    private static String temporaryDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
