package io.atc.edge.broker;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.atc.edge.support.PackagedBridgeEnvironment;
import io.atc.testkit.quarkus.PackagedServiceRefusal;

/**
 * The packaged bridge, started without the broker secrets it needs to manage device credentials,
 * exits within seconds with one line that names each missing setting. Runs against the built jar.
 */
class MissingBrokerSecretsStopTheStartIT {

    @TempDir
    Path pkiDir;

    @Test
    void withoutTheAdminAndIngestPasswords() throws Exception {
        assertRefused(
                Map.of(), "ATC_EDGE_BROKER_ADMIN_PASSWORD is not set", "ATC_EDGE_BROKER_INGEST_PASSWORD is not set");
    }

    @Test
    void withAnIngestPasswordTooShortToBeASecret() throws Exception {
        assertRefused(
                Map.of(
                        "ATC_EDGE_BROKER_ADMIN_PASSWORD",
                        "a-real-admin-password",
                        "ATC_EDGE_BROKER_INGEST_PASSWORD",
                        "short"),
                "ATC_EDGE_BROKER_INGEST_PASSWORD is shorter than 16");
    }

    private void assertRefused(Map<String, String> broker, String... reasons) throws Exception {
        Map<String, String> env = PackagedBridgeEnvironment.startable(pkiDir);
        env.put("ATC_EDGE_BROKER_ADMIN_PASSWORD", null);
        env.put("ATC_EDGE_BROKER_INGEST_PASSWORD", null);
        env.putAll(broker);
        PackagedServiceRefusal.assertRefused(env, reasons);
    }
}
