package io.atc.testkit.quarkus;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.atc.devservices.mqtt.MqttBroker;
import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.postgres.TestDatabase;

/**
 * The environment a packaged edge bridge starts with (docs/configuration.md): the database as the
 * service role, the test run's internal-token key, the broker with its dynamic-security admin and
 * an ingest password, a blob directory, and a development PKI (root CA and KEK) generated into, or
 * found in, {@code pkiDataDir}: the packaged bridge runs in production mode, which refuses to start
 * without PKI material.
 */
public final class EdgeBridgeEnvironment {

    private EdgeBridgeEnvironment() {}

    public static Map<String, String> of(
            TestDatabase database, MqttBroker broker, String ingestPassword, Path blobs, Path pkiDataDir) {
        Map<String, String> environment = new HashMap<>();
        environment.put("ATC_DB_URL", database.target().uri());
        environment.put("ATC_DB_APP_USER", database.target().appUser());
        environment.put("ATC_DB_APP_PASSWORD", database.target().appPassword());
        environment.put("ATC_INTERNAL_JWT_PUBLIC_KEY", InternalTokens.publicKey());
        environment.put("ATC_EDGE_BROKER_HOST", broker.host());
        environment.put("ATC_EDGE_BROKER_PORT", String.valueOf(broker.port()));
        environment.put("ATC_EDGE_BROKER_ADMIN_USERNAME", broker.adminUser());
        environment.put("ATC_EDGE_BROKER_ADMIN_PASSWORD", broker.adminPassword());
        environment.put("ATC_EDGE_BROKER_INGEST_PASSWORD", ingestPassword);
        environment.put("ATC_EDGE_BLOBS_DIR", blobs.toString());
        environment.put("ATC_EDGE_PKI_GENERATE_MISSING", "true");
        environment.put("ATC_EDGE_PKI_DATA_DIR", pkiDataDir.toString());
        return environment;
    }
}
