package io.atc.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.atc.gateway.GatewayTestResources;
import io.atc.gateway.support.GatewayDoubles;
import io.atc.gateway.support.Poll;
import io.atc.gateway.support.RawHttp;
import io.atc.gateway.support.TestUpstream;
import io.atc.gateway.support.UpstreamTestResources;
import io.atc.gateway.support.WithGatewayDoubles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A service that is down or slow costs the client a bounded wait and a problem+json answer, never a
 * hang or a stack trace; a client that leaves takes its upstream request with it. Breaks when:
 * upstream errors surface as 500s or framework pages, the response timeout is not applied, or an
 * abandoned request keeps its upstream connection busy.
 */
@QuarkusTest
@TestProfile(WithGatewayDoubles.class)
@QuarkusTestResource(GatewayTestResources.class)
@QuarkusTestResource(UpstreamTestResources.class)
class UpstreamFailuresTests {

    private TestUpstream upstream;

    @BeforeEach
    void setUp() {
        GatewayDoubles.install();
        upstream = TestUpstream.started();
    }

    @Test
    void aServiceThatIsDownIsABadGateway() {
        given().header("X-Api-Key", GatewayDoubles.GOOD_KEY)
                .get("/v1/test-down/x")
                .then()
                .statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:atc:problem:bad-gateway"))
                .body("instance", equalTo("/v1/test-down/x"));
    }

    /** Breaks when a response the gateway cannot read one way only (here, two lengths) is passed on, or its connection reused. */
    @Test
    void aServiceAnswerThatCouldBeReadTwoWaysIsABadGatewayAndItsConnectionIsDropped() {
        given().header("X-Api-Key", GatewayDoubles.GOOD_KEY)
                .get("/v1/keys/k1/two-lengths")
                .then()
                .statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:atc:problem:bad-gateway"))
                .body("detail", equalTo("The upstream service's answer was not valid HTTP/1.1; it was not passed on."));

        given().header("X-Api-Key", GatewayDoubles.GOOD_KEY)
                .get("/v1/keys/k1/after")
                .then()
                .statusCode(200)
                .body("uri", equalTo("/v1/keys/k1/after"));
    }

    /** Breaks when an unreadable answer is taken for a connection that died unanswered, and the request sent again. */
    @Test
    void anUnreadableAnswerOnAPooledConnectionIsNotSentAgain() throws Exception {
        try (Socket socket = RawHttp.open()) {
            // One client connection, so the second request takes the upstream connection the first one pooled.
            RawHttp.send(
                    socket,
                    "GET /v1/keys/k1/warm HTTP/1.1\r\nHost: gw\r\nX-Api-Key: " + GatewayDoubles.GOOD_KEY,
                    new byte[0]);
            assertThat(RawHttp.read(socket.getInputStream()).status()).isEqualTo(200);
            upstream.next();

            RawHttp.send(
                    socket,
                    "GET /v1/keys/k1/two-lengths HTTP/1.1\r\nHost: gw\r\nX-Api-Key: " + GatewayDoubles.GOOD_KEY,
                    new byte[0]);
            assertThat(RawHttp.read(socket.getInputStream()).status()).isEqualTo(502);
        }
        assertThat(upstream.next().uri()).isEqualTo("/v1/keys/k1/two-lengths");
        assertThat(upstream.receivedAnything(Duration.ofMillis(300)))
                .as("the service answered: no second try")
                .isFalse();
    }

    /**
     * A kept-alive connection the service closes as a request goes out: a body-less idempotent
     * request is sent again on a new connection (it cannot have reached the service); one with a
     * body is not (it may have), so it is a 502.
     */
    @Test
    void aClosedPooledConnectionIsRetriedOnlyForBodylessIdempotentRequests() throws Exception {
        String get = "GET /v1/keys/k1/closes-reused HTTP/1.1\r\nHost: gw\r\nX-Api-Key: " + GatewayDoubles.GOOD_KEY;
        try (Socket socket = RawHttp.open()) {
            for (int i = 0; i < 3; i++) {
                RawHttp.send(socket, get, new byte[0]);
                assertThat(RawHttp.read(socket.getInputStream()).status())
                        .as("GET %d", i)
                        .isEqualTo(200);
            }
            RawHttp.send(
                    socket,
                    "POST /v1/keys/k1/closes-reused HTTP/1.1\r\nHost: gw\r\nContent-Length: 2\r\nX-Api-Key: "
                            + GatewayDoubles.GOOD_KEY,
                    "{}".getBytes(StandardCharsets.US_ASCII));
            RawHttp.Response post = RawHttp.read(socket.getInputStream());
            assertThat(post.status()).isEqualTo(502);
            assertThat(post.body()).contains("urn:atc:problem:bad-gateway");
        }
    }

    @Test
    void aServiceThatDoesNotAnswerIsAGatewayTimeoutWithinTheConfiguredTime() {
        long started = System.nanoTime();

        given().header("X-Api-Key", GatewayDoubles.GOOD_KEY)
                .get("/v1/keys/" + UUID.randomUUID() + "/slow")
                .then()
                .statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:atc:problem:gateway-timeout"));

        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(elapsedMillis)
                .isBetween(
                        UpstreamTestResources.RESPONSE_TIMEOUT_MILLIS - 100,
                        UpstreamTestResources.RESPONSE_TIMEOUT_MILLIS + 3_000);
    }

    @Test
    void aClientThatLeavesCancelsItsUpstreamRequest() throws Exception {
        String uri = "/v1/keys/" + UUID.randomUUID() + "/slow";
        try (Socket socket = RawHttp.open()) {
            RawHttp.send(
                    socket,
                    "GET " + uri + " HTTP/1.1\r\nHost: gw\r\nX-Api-Key: " + GatewayDoubles.GOOD_KEY,
                    new byte[0]);
            assertThat(upstream.next().uri()).isEqualTo(uri);
        }

        assertThat(Poll.until(
                        () -> upstream.abandoned().contains(uri),
                        Duration.ofMillis(UpstreamTestResources.RESPONSE_TIMEOUT_MILLIS / 2)))
                .as("the upstream connection closed well before the response timeout")
                .isTrue();
    }
}
