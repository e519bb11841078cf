package io.atc.edge.support;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.atc.devservices.mqtt.MqttBroker;
import io.atc.testkit.postgres.TestDatabase;
import io.atc.testkit.quarkus.EdgeBridgeEnvironment;

/**
 * An environment the packaged bridge starts with: the run's database and token key, broker
 * secrets, and a development PKI generated into {@code pkiDataDir}. A start-up check's test takes
 * this and removes or spoils only what that check is about, so its refusal is the only one.
 */
public final class PackagedBridgeEnvironment {

    private PackagedBridgeEnvironment() {}

    public static Map<String, String> startable(Path pkiDataDir) {
        MqttBroker unreachable = new MqttBroker("127.0.0.1", 1, "admin", "a-real-admin-password", "none");
        Map<String, String> env = new HashMap<>(EdgeBridgeEnvironment.of(
                TestDatabase.shared(),
                unreachable,
                "a-real-ingest-password",
                pkiDataDir.resolveSibling("blobs"),
                pkiDataDir));
        env.put("ATC_EDGE_PORT", "0");
        env.put("ATC_EDGE_MANAGEMENT_PORT", "0");
        env.put("ATC_LOG_JSON", "false");
        env.put("ATC_DB_STARTUP_TIMEOUT", "5s");
        return env;
    }
}
