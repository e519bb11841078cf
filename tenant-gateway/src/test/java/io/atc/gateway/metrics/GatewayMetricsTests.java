package io.atc.gateway.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.atc.gateway.GatewayTestResources;
import io.atc.gateway.auth.AuthOutcome;
import io.atc.gateway.support.GatewayDoubles;
import io.atc.gateway.support.OwnEndpoints;
import io.atc.gateway.support.TestUpstream;
import io.atc.gateway.support.UpstreamTestResources;
import io.atc.gateway.support.WithGatewayDoubles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Per-route latency histograms and authentication outcome counters appear on /q/metrics (the
 * gateway's own HTTP server, not its public port), tagged
 * only from closed sets. Breaks when: a meter is missing or mis-tagged, or a key, key id, tenant or
 * a raw path with an id reaches any metric (including Quarkus's own http.server.requests).
 */
@QuarkusTest
@TestProfile(WithGatewayDoubles.class)
@QuarkusTestResource(GatewayTestResources.class)
@QuarkusTestResource(UpstreamTestResources.class)
class GatewayMetricsTests {

    private static final String INVALID_KEY = "atc_test_Qq1kQ2xw9LmC_n0tV4l1dn0tV4l1dn0tV4l1dn0tV4l1d0zZ9y";

    private GatewayDoubles doubles;

    @BeforeEach
    void setUp() {
        doubles = GatewayDoubles.install();
        TestUpstream.started();
    }

    @Test
    void routesAndOutcomesAreCountedWithoutKeyMaterialOrIds() {
        String id = UUID.randomUUID().toString();
        double okBefore = counter("ok");
        double unknownBefore = counter("unknown");
        double missingBefore = counter("missing");

        given().header("X-Api-Key", GatewayDoubles.GOOD_KEY)
                .get("/v1/keys/" + id)
                .then()
                .statusCode(200);
        given().header("X-Api-Key", GatewayDoubles.GOOD_KEY)
                .post("/v1/sites/" + id + "/retention")
                .then()
                .statusCode(200);
        given().header("X-Api-Key", INVALID_KEY).get("/v1/keys/" + id).then().statusCode(401);
        given().get("/v1/audit/events").then().statusCode(401);
        given().header("X-Api-Key", GatewayDoubles.GOOD_KEY)
                .get("/v1/nowhere/" + id)
                .then()
                .statusCode(404);

        HttpResponse<String> scraped = OwnEndpoints.get("/q/metrics");
        assertThat(scraped.statusCode()).isEqualTo(200);
        String metrics = scraped.body();

        assertThat(metrics).contains("atc_gateway_requests_seconds_bucket{");
        assertThat(series(metrics, "atc_gateway_requests_seconds_count", "GET", "keys", "2xx"))
                .isGreaterThanOrEqualTo(1);
        assertThat(series(metrics, "atc_gateway_requests_seconds_count", "POST", "retention", "2xx"))
                .isGreaterThanOrEqualTo(1);
        assertThat(series(metrics, "atc_gateway_requests_seconds_count", "GET", "keys", "4xx"))
                .isGreaterThanOrEqualTo(1);
        assertThat(series(metrics, "atc_gateway_requests_seconds_count", "GET", "none", "4xx"))
                .isGreaterThanOrEqualTo(1);
        assertThat(counter("ok")).isEqualTo(okBefore + 2);
        assertThat(counter("unknown")).isEqualTo(unknownBefore + 1);
        assertThat(counter("missing")).isEqualTo(missingBefore + 1);
        for (AuthOutcome outcome : AuthOutcome.values()) {
            assertThat(metrics).contains("atc_gateway_auth_total{outcome=\"" + outcome.tag() + "\"}");
        }

        assertThat(metrics)
                .doesNotContain(id)
                .doesNotContain(GatewayDoubles.GOOD_KEY.substring(10))
                .doesNotContain(INVALID_KEY.substring(10))
                .doesNotContain(GatewayDoubles.KEY.prefix())
                .doesNotContain(GatewayDoubles.KEY.keyId().toString())
                .doesNotContain(GatewayDoubles.KEY.tenant().toString());
        // Proxied requests never reach Quarkus's HTTP server, so its http.server.requests cannot tag raw paths.
        assertThat(metrics).doesNotContainPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/v1/");
    }

    private static double counter(String outcome) {
        String metrics = OwnEndpoints.get("/q/metrics").body();
        Matcher matcher = Pattern.compile("atc_gateway_auth_total\\{outcome=\"" + outcome + "\"} ([0-9.E+-]+)")
                .matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private static double series(String metrics, String name, String method, String route, String status) {
        Matcher matcher = Pattern.compile(Pattern.quote(name) + "\\{method=\"" + method + "\",route=\"" + route
                        + "\",status=\"" + status + "\"} ([0-9.E+-]+)")
                .matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
