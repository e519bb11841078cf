package io.atc.edge.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

import io.atc.devservices.mqtt.DynsecAdmin;
import io.atc.devservices.mqtt.MqttBroker;
import io.atc.edge.pki.TestPkiMaterial;
import io.atc.testkit.quarkus.AtcTestResources;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Everything the bridge under test needs: the run's database and internal-token key
 * ({@link AtcTestResources}); the run's Mosquitto ({@link TestBroker}), reached through a
 * {@link BrokerLink} so that tests can stage an outage, as its dynamic-security admin, with an
 * ingest password made up for the run; a blob directory of the run's own; and the device PKI
 * ({@link TestPkiMaterial}): the root CA as files, the KEK, the broker's CRL file and
 * "kill -HUP <broker pid>" as its reload command.
 * The ingest itself runs only in tests with the profile {@code IngestRunning}.
 */
public class EdgeBridgeTestResources implements QuarkusTestResourceLifecycleManager {

    private static final String INGEST_PASSWORD = DynsecAdmin.newPassword();
    private static BrokerLink link;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(new AtcTestResources().start());
        MqttBroker broker = TestBroker.broker();
        config.put("atc.edge.broker.host", "127.0.0.1");
        config.put("atc.edge.broker.port", String.valueOf(link().port()));
        config.put("atc.edge.broker.admin-username", broker.adminUser());
        config.put("atc.edge.broker.admin-password", broker.adminPassword());
        config.put("atc.edge.broker.ingest-password", INGEST_PASSWORD);
        config.put("atc.edge.broker.command-timeout", "2s");
        config.put("atc.edge.broker.reconnect-max-backoff", "500ms");
        config.put("atc.edge.blobs.dir", temporaryDirectory("atc-edge-blobs-"));
        TestPkiMaterial pki = TestPkiMaterial.shared();
        config.put("atc.edge.pki.root-key-file", pki.rootKeyFile().toString());
        config.put("atc.edge.pki.root-cert-file", pki.rootCertFile().toString());
        config.put("atc.edge.pki.kek", pki.kekBase64());
        config.put("atc.edge.pki.crl-file", pki.crlFile().toString());
        config.put("atc.edge.pki.crl-reload-command", TestBroker.reloadCommand());
        return config;
    }

    @Override
    public void stop() {
        // The broker and the link outlive a single Quarkus start; the broker stops when the JVM ends.
    }

    /** The bridge's way to the broker. */
    public static synchronized BrokerLink link() {
        if (link == null) {
            MqttBroker broker = TestBroker.broker();
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
