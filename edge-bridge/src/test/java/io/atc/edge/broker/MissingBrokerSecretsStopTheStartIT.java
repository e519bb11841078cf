package io.atc.edge.broker;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.postgres.TestDatabase;
import io.atc.testkit.quarkus.PackagedServiceRefusal;

/**
 * The packaged bridge, started without the broker secrets it needs to manage device credentials,
 * exits within seconds with one line that names each missing setting. Runs against the built jar.
 */
class MissingBrokerSecretsStopTheStartIT {

    @Test
    void withoutTheAdminAndIngestPasswords() throws Exception {
        assertRefused(Map.of(), "ATC_EDGE_BROKER_ADMIN_PASSWORD is not set", "ATC_EDGE_BROKER_INGEST_PASSWORD is not set");
    }

    @Test
    void withAnIngestPasswordTooShortToBeASecret() throws Exception {
        assertRefused(Map.of("ATC_EDGE_BROKER_ADMIN_PASSWORD", "a-real-admin-password",
                "ATC_EDGE_BROKER_INGEST_PASSWORD", "short"), "ATC_EDGE_BROKER_INGEST_PASSWORD is shorter than 16");
    }

    @TempDir
    Path pkiDir;

    private void assertRefused(Map<String, String> broker, String... reasons) throws Exception {
        TestDatabase database = TestDatabase.shared();
        Map<String, String> env = new HashMap<>();
        env.put("ATC_EDGE_PORT", "0");
        env.put("ATC_LOG_JSON", "false");
        env.put("ATC_DB_STARTUP_TIMEOUT", "5s");
        env.put("ATC_DB_URL", database.target().uri());
        env.put("ATC_DB_APP_USER", database.target().appUser());
        env.put("ATC_DB_APP_PASSWORD", database.target().appPassword());
        env.put("ATC_INTERNAL_JWT_PUBLIC_KEY", InternalTokens.publicKey());
        // A development PKI, so that the broker refusal is the only one.
        env.put("ATC_EDGE_PKI_GENERATE_MISSING", "true");
        env.put("ATC_EDGE_PKI_DATA_DIR", pkiDir.toString());
        env.put("ATC_EDGE_BROKER_ADMIN_PASSWORD", null);
        env.put("ATC_EDGE_BROKER_INGEST_PASSWORD", null);
        env.putAll(broker);
        PackagedServiceRefusal.assertRefused(env, reasons);
    }
}
