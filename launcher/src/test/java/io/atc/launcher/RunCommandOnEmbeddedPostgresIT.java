package io.atc.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * With no configuration at all, the run command comes up on an embedded Postgres, every
 * service reports ready (database included), and Ctrl-C stops every service it started.
 */
class RunCommandOnEmbeddedPostgresIT {

    @Test
    void everyServiceIsReadyOnEmbeddedPostgresAndStopsCleanly() throws Exception {
        try (LaunchedPlatform platform = LaunchedPlatform.start(Map.of())) {
            platform.awaitUp(Duration.ofSeconds(150));

            assertThat(platform.output()).contains("database  embedded Postgres");
            for (String service : platform.services()) {
                assertThat(platform.readiness(service)).contains("\"status\": \"UP\"").contains("PostgreSQL");
            }

            platform.stop();
            assertThat(platform.anyServiceListening()).as("a service still listens after stop").isFalse();
        }
    }
}
