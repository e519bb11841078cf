package io.atc.edge.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.atc.devservices.mqtt.MqttBroker;
import io.atc.testkit.broker.BrokerResolver;
import io.atc.testkit.quarkus.AtcTestResources;

/**
 * The run's database and token key (AtcTestResources), plus the run's broker, the ingest switched
 * on (as the broker's dynsec admin, the identity the ingest uses until its own least-privilege
 * client exists), and a blob directory of this run's own.
 */
public class IngestTestResources extends AtcTestResources {

    static final Path BLOBS = temporaryDirectory();

    @Override
    public Map<String, String> start() {
        MqttBroker broker = BrokerResolver.resolve();
        Map<String, String> config = new HashMap<>(super.start());
        config.put("atc.edge.ingest.enabled", "true");
        config.put("atc.edge.broker.host", broker.host());
        config.put("atc.edge.broker.port", String.valueOf(broker.port()));
        config.put("atc.edge.broker.admin-username", broker.adminUser());
        config.put("atc.edge.broker.admin-password", broker.adminPassword());
        config.put("atc.edge.blobs.dir", BLOBS.toString());
        return config;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("atc-edge-blobs-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
