package io.atc.gateway.pipeline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.atc.gateway.GatewayTestResources;
import io.atc.gateway.support.GatewayDoubles;
import io.atc.gateway.support.TestUpstream;
import io.atc.gateway.support.UpstreamTestResources;
import io.atc.gateway.support.WithGatewayDoubles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Sign-in and onboarding carry no key, so they are limited per client address: past the burst a
 * client gets 429 problem+json with Retry-After, and the refused requests never reach the
 * keys-service (where each sign-in costs an argon2id verification). The console's session checks (one
 * per page view) have a budget of their own, spent and refused the same way, which sign-ins do not touch.
 * Breaks when: keyless routes skip the limiter, a refused request is forwarded anyway, or session checks
 * share the sign-in budget (one client hammering sign-in would stop every admin's pages at its address).
 */
@QuarkusTest
@TestProfile(KeylessRequestsAreRateLimitedTests.TightKeylessLimit.class)
@QuarkusTestResource(GatewayTestResources.class)
@QuarkusTestResource(UpstreamTestResources.class)
class KeylessRequestsAreRateLimitedTests {

    public static class TightKeylessLimit extends WithGatewayDoubles {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "atc.gateway.rate-limit.keyless.requests-per-second",
                    "0.1",
                    "atc.gateway.rate-limit.keyless.burst",
                    "3",
                    "atc.gateway.rate-limit.session-check.requests-per-second",
                    "0.1",
                    "atc.gateway.rate-limit.session-check.burst",
                    "5");
        }
    }

    private TestUpstream upstream;

    @BeforeEach
    void setUp() {
        GatewayDoubles.install();
        upstream = TestUpstream.started();
    }

    @Test
    void signInsPastTheBurstAre429WithRetryAfterAndNeverForwarded() throws Exception {
        int forwarded = 0;
        Response refused = null;
        for (int attempt = 0; attempt < 6; attempt++) {
            Response response = given().contentType("application/json")
                    .body("{\"email\":\"a@example.com\",\"password\":\"guess " + attempt + "\"}")
                    .post("/v1/console/sessions");
            if (response.statusCode() == 200) {
                upstream.next();
                forwarded++;
            } else {
                refused = response;
            }
        }

        assertThat(forwarded).as("the burst").isEqualTo(3);
        assertThat(refused).isNotNull();
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertThat(upstream.receivedAnything(java.time.Duration.ofMillis(200)))
                .as("refused sign-ins reach the keys-service")
                .isFalse();
    }

    @Test
    void sessionChecksHaveTheirOwnBudgetPastWhichTheyAre429AndNeverForwarded() throws Exception {
        String client = "198.51.100.44";
        for (int attempt = 0; attempt < 4; attempt++) {
            Response signIn = given().header(GatewayDoubles.Addresses.TEST_CLIENT, client)
                    .contentType("application/json")
                    .body("{\"email\":\"a@example.com\",\"password\":\"guess\"}")
                    .post("/v1/console/sessions");
            if (signIn.statusCode() == 200) {
                upstream.next();
            }
        }
        int forwarded = 0;
        Response refused = null;
        for (int check = 0; check < 7; check++) {
            Response response = given().header(GatewayDoubles.Addresses.TEST_CLIENT, client)
                    .cookie("__Host-atc_session", "s")
                    .get("/v1/console/session");
            if (response.statusCode() == 200) {
                upstream.next();
                forwarded++;
            } else {
                refused = response;
            }
        }

        assertThat(forwarded)
                .as("the session checks' own burst, with sign-in spent")
                .isEqualTo(5);
        assertThat(refused).isNotNull();
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertThat(upstream.receivedAnything(java.time.Duration.ofMillis(200)))
                .as("refused session checks reach the keys-service")
                .isFalse();
    }
}
