package io.atc.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * With no configuration at all, the run command comes up on an embedded Postgres, every
 * service reports ready (database included), the gateway routes to the services on the ports this
 * run gave them, and Ctrl-C stops every service it started.
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
            Matcher operator = Pattern.compile("operator  (\\S+)").matcher(platform.output());
            assertThat(operator.find()).as("the run prints its operator credential").isTrue();
            HttpResponse<String> onboarded = platform.throughGateway(HttpRequest.newBuilder()
                    .uri(platform.gatewayUri("/v1/tenants"))
                    .header("X-Operator-Token", operator.group(1)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Run check\"}")));
            assertThat(onboarded.statusCode()).as(onboarded.body()).isEqualTo(201);
            assertThat(onboarded.body()).contains("tenantId");

            platform.stop();
            assertThat(platform.anyServiceListening()).as("a service still listens after stop").isFalse();
        }
    }
}
