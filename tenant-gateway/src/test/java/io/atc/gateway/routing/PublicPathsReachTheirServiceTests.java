package io.atc.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.atc.gateway.GatewayTestResources;
import io.atc.gateway.support.GatewayDoubles;
import io.atc.gateway.support.RawHttp;
import io.atc.gateway.support.TestUpstream;
import io.atc.gateway.support.UpstreamTestResources;
import io.atc.gateway.support.WithGatewayDoubles;
import io.atc.testkit.http.ManagementInterface;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Each public path reaches the service that owns it, exactly as normalised, and a path that could
 * be read two ways reaches nobody. Breaks when: routes are matched by prefix or config order, the
 * upstream gets a path other than the one routed, or a traversal or encoded slash is forwarded.
 */
@QuarkusTest
@TestProfile(WithGatewayDoubles.class)
@QuarkusTestResource(GatewayTestResources.class)
@QuarkusTestResource(UpstreamTestResources.class)
class PublicPathsReachTheirServiceTests {

    private TestUpstream upstream;

    @BeforeEach
    void setUp() {
        GatewayDoubles.install();
        upstream = TestUpstream.started();
    }

    @ParameterizedTest
    @CsvSource({
        "/v1/keys, keys",
        "/v1/keys/0b8e4d7e-51a1-4c55-b7c1-5d2f0f6b9e42, keys",
        "/v1/tenants/t1, keys",
        "/v1/console/users, keys",
        "/v1/audit/verify, audit",
        "/v1/sites/s1/retention, retention",
        "/v1/sites/s1/retention/purges, retention",
        "/v1/retention/defaults, retention",
        "/v1/retention/holds/h1, retention",
        "/v1/retention/runs, retention",
        "/v1/erasures, retention",
        "/v1/sites/s1, edge",
        "/v1/sites/s1/events, edge",
        "/v1/devices/d1, edge"
    })
    void eachPathReachesItsService(String path, String service) {
        given().header("X-Api-Key", GatewayDoubles.GOOD_KEY)
                .get(path)
                .then()
                .statusCode(200)
                .header("X-Upstream", service);
        TestUpstream.Seen seen = upstream.next();
        assertThat(seen.upstream()).isEqualTo(service);
        assertThat(seen.uri()).isEqualTo(path);
    }

    @Test
    void theQueryStringIsForwardedAsSent() {
        given().urlEncodingEnabled(false)
                .header("X-Api-Key", GatewayDoubles.GOOD_KEY)
                .get("/v1/audit/events?after=10&limit=5&q=a%26b")
                .then()
                .statusCode(200);
        assertThat(upstream.next().uri()).isEqualTo("/v1/audit/events?after=10&limit=5&q=a%26b");
    }

    /** What the gateway will not read is refused as a problem, with the status that says why, and the connection closed. */
    @Test
    void anOversizedRequestLineOrHeaderBlockIsRefusedWithItsStatus() throws Exception {
        RawHttp.Response longLine = RawHttp.exchange("GET /v1/keys/" + "a".repeat(5_000) + " HTTP/1.1\r\nHost: gw");
        assertThat(longLine.status()).isEqualTo(414);
        assertThat(longLine.body()).contains("urn:atc:problem:uri-too-long");
        assertThat(longLine.header("Connection")).isEqualTo("close");

        RawHttp.Response bigHeaders =
                RawHttp.exchange("GET /v1/keys HTTP/1.1\r\nHost: gw\r\nX-Filler: " + "b".repeat(21_000));
        assertThat(bigHeaders.status()).isEqualTo(431);
        assertThat(bigHeaders.body()).contains("urn:atc:problem:headers-too-large");
    }

    /** HTTP/1.1 pipelining: requests sent back to back are answered in order, a refused one in between included. */
    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        String forwarded = "GET /v1/audit/events?n=%d HTTP/1.1\r\nHost: gw\r\nX-Api-Key: " + GatewayDoubles.GOOD_KEY;
        try (Socket socket = RawHttp.open()) {
            socket.getOutputStream()
                    .write((String.format(forwarded, 1) + "\r\n\r\n"
                                    + "GET /v1/keys HTTP/1.1\r\nHost: gw\r\n\r\n"
                                    + String.format(forwarded, 3) + "\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();

            assertThat(RawHttp.read(socket.getInputStream()).status()).isEqualTo(200);
            assertThat(RawHttp.read(socket.getInputStream()).status()).isEqualTo(401);
            assertThat(RawHttp.read(socket.getInputStream()).status()).isEqualTo(200);
        }
        assertThat(upstream.next().uri()).isEqualTo("/v1/audit/events?n=1");
        assertThat(upstream.next().uri()).isEqualTo("/v1/audit/events?n=3");
    }

    @Test
    void encodedUnreservedCharactersAreRoutedAndForwardedDecoded() throws Exception {
        RawHttp.Response response = RawHttp.exchange("GET /v1/sites/s1/%72etention HTTP/1.1\r\nHost: gw\r\nX-Api-Key: "
                + GatewayDoubles.GOOD_KEY + "\r\nConnection: close");
        assertThat(response.status()).isEqualTo(200);
        TestUpstream.Seen seen = upstream.next();
        assertThat(seen.upstream())
                .as("routed as the retention path it decodes to")
                .isEqualTo("retention");
        assertThat(seen.uri()).isEqualTo("/v1/sites/s1/retention");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/v1/sites/s1/../../keys",
                "/v1/keys/%2e%2e/audit",
                "/v1/sites/s1%2Fretention",
                "/v1//keys",
                "/v1/sites/s1/retention;x=1",
                "/v1/keys/%252e%252e",
                "/v1/keys/%00",
                "/v1/./keys"
            })
    void pathsThatCouldBeReadTwoWaysAreRefused(String path) throws Exception {
        RawHttp.Response response = RawHttp.exchange("GET " + path + " HTTP/1.1\r\nHost: gw\r\nX-Api-Key: "
                + GatewayDoubles.GOOD_KEY + "\r\nConnection: close");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.body())
                .contains("urn:atc:problem:malformed-request")
                .doesNotContain(path);
        assertThat(upstream.receivedAnything(Duration.ofMillis(300)))
                .as("forwarded")
                .isFalse();
    }

    /** Raw backslashes are not even valid HTTP: the server's decoder refuses them before the pipeline. */
    @Test
    void aRawBackslashIsRefusedBeforeRouting() throws Exception {
        RawHttp.Response response = RawHttp.exchange("GET /v1/keys\\..\\audit HTTP/1.1\r\nHost: gw\r\nX-Api-Key: "
                + GatewayDoubles.GOOD_KEY + "\r\nConnection: close");

        assertThat(response.status()).isEqualTo(400);
        assertThat(upstream.receivedAnything(Duration.ofMillis(300)))
                .as("forwarded")
                .isFalse();
    }

    @Test
    void anUnknownPathIsNotFound() throws Exception {
        given().header("X-Api-Key", GatewayDoubles.GOOD_KEY)
                .get("/v1/nothing/here")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:atc:problem:not-found"))
                .header("Cache-Control", "no-store");
        assertThat(upstream.receivedAnything(Duration.ofMillis(300))).isFalse();
    }

    /**
     * The public port serves only the routed API: the gateway's health, metrics and OpenAPI live on its
     * management interface. Breaks when: quarkus.management.enabled is off, so the public port's
     * fallback reaches Quarkus's /q again (200 with every route's figures, as before issue 16).
     */
    @ParameterizedTest
    @ValueSource(strings = {"/q/health/live", "/q/health/ready", "/q/metrics", "/q/openapi", "/q/openapi?format=json"})
    void theGatewaysOwnEndpointsAreNotOnThePublicPort(String path) throws Exception {
        given().urlEncodingEnabled(false)
                .get(path)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:atc:problem:not-found"));
        given().urlEncodingEnabled(false)
                .header("X-Api-Key", GatewayDoubles.GOOD_KEY)
                .get(path)
                .then()
                .statusCode(404);
        assertThat(upstream.receivedAnything(Duration.ofMillis(300))).isFalse();
        ManagementInterface.given().get(path).then().statusCode(200);
    }
}
