package io.atc.edge;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.atc.edge.support.PackagedBridgeEnvironment;
import io.atc.testkit.quarkus.PackagedServiceRefusal;

/**
 * The packaged bridge, started with a setting outside its bound in EdgeConfig, exits within seconds with the
 * one ATC-STARTUP-CONFIG line that names the variable. Runs against the built jar.
 * Breaks when: the bridge's main runs without StartupExitHandler (Quarkus prints its own report and exits 1).
 */
class SettingOutOfBoundsStopsTheStartIT {

    @TempDir
    Path pkiDir;

    @Test
    void noBlobWriters() throws Exception {
        Map<String, String> env = PackagedBridgeEnvironment.startable(pkiDir);
        env.put("ATC_EDGE_INGEST_BLOB_WRITERS", "0");
        PackagedServiceRefusal.assertRefused(
                env, "ATC-STARTUP-CONFIG ATC_EDGE_INGEST_BLOB_WRITERS: must be greater than or equal to 1");
    }
}
