package io.atc.edge.support;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.postgres.TestDatabase;

/**
 * An environment the packaged bridge starts with: the run's database and token key, broker
 * secrets, and a development PKI generated into {@code pkiDataDir}. A start-up check's test takes
 * this and removes or spoils only what that check is about, so its refusal is the only one.
 */
public final class PackagedBridgeEnvironment {

    private PackagedBridgeEnvironment() {
    }

    public static Map<String, String> startable(Path pkiDataDir) {
        TestDatabase database = TestDatabase.shared();
        Map<String, String> env = new HashMap<>();
        env.put("ATC_EDGE_PORT", "0");
        env.put("ATC_LOG_JSON", "false");
        env.put("ATC_DB_STARTUP_TIMEOUT", "5s");
        env.put("ATC_DB_URL", database.target().uri());
        env.put("ATC_DB_APP_USER", database.target().appUser());
        env.put("ATC_DB_APP_PASSWORD", database.target().appPassword());
        env.put("ATC_INTERNAL_JWT_PUBLIC_KEY", InternalTokens.publicKey());
        env.put("ATC_EDGE_BROKER_ADMIN_PASSWORD", "a-real-admin-password");
        env.put("ATC_EDGE_BROKER_INGEST_PASSWORD", "a-real-ingest-password");
        env.put("ATC_EDGE_PKI_GENERATE_MISSING", "true");
        env.put("ATC_EDGE_PKI_DATA_DIR", pkiDataDir.toString());
        return env;
    }
}
