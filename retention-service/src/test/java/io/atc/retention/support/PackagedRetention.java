package io.atc.retention.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.postgres.TestDatabase;
import io.atc.testkit.quarkus.PackagedService;

/** The retention-service as it ships (target/quarkus-app), on the run's database as its own role: for tests that kill it. */
public final class PackagedRetention {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private PackagedRetention() {}

    public static PackagedService start(Path blobs, Map<String, String> settings) throws Exception {
        TestDatabase database = TestDatabase.shared();
        Map<String, String> environment = new HashMap<>();
        environment.put("ATC_DB_URL", database.target().uri());
        environment.put("ATC_DB_APP_USER", database.target().retentionUser());
        environment.put("ATC_DB_APP_PASSWORD", database.target().retentionPassword());
        environment.put("ATC_INTERNAL_JWT_PUBLIC_KEY", InternalTokens.publicKey());
        environment.put("ATC_EDGE_BLOBS_DIR", blobs.toString());
        environment.putAll(settings);
        PackagedService service = PackagedService.start(
                JAR, "ATC_RETENTION_PORT", environment, List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"));
        try {
            return service.awaitReady(Duration.ofSeconds(60));
        } catch (AssertionError | RuntimeException e) {
            String log = service.logTail(40);
            service.close();
            throw new AssertionError(e.getMessage() + "\nthe retention-service's log:\n" + log, e);
        }
    }
}
