package io.atc.gateway.pipeline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.net.Socket;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.atc.gateway.GatewayTestResources;
import io.atc.gateway.auth.AuthOutcome;
import io.atc.gateway.support.GatewayDoubles;
import io.atc.gateway.support.RawHttp;
import io.atc.gateway.support.TestUpstream;
import io.atc.gateway.support.UpstreamTestResources;
import io.atc.gateway.support.WithGatewayDoubles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Every check of the pipeline, in order, refuses with its own status and stable problem type, and
 * nothing refused reaches a service. Breaks when: a check is skipped or reordered, an invalid key's
 * answer hints at why, a refusal reveals an allowlist, a denied origin gets CORS headers, or a
 * refusal lacks WWW-Authenticate / Retry-After / Vary.
 */
@QuarkusTest
@TestProfile(WithGatewayDoubles.class)
@QuarkusTestResource(GatewayTestResources.class)
@QuarkusTestResource(UpstreamTestResources.class)
class EachRefusalHasItsStatusAndTypeTests {

    private static final String OTHER_KEY = "atc_test_Zz9kQ2xw9LmB_s3cr3tS3cr3tS3cr3tS3cr3tS3cr3t9xY8wV";

    private GatewayDoubles doubles;
    private TestUpstream upstream;

    @BeforeEach
    void setUp() {
        doubles = GatewayDoubles.install();
        upstream = TestUpstream.started();
    }

    /** A refusal is cheap for the client too: a request without a body keeps its connection (a bogus-key flood costs no reconnects). */
    @Test
    void aRefusedRequestWithoutABodyKeepsTheConnectionOpen() throws Exception {
        try (Socket socket = RawHttp.open()) {
            for (int i = 0; i < 3; i++) {
                RawHttp.send(socket, "GET /v1/keys HTTP/1.1\r\nHost: gw", new byte[0]);
                RawHttp.Response response = RawHttp.read(socket.getInputStream());
                assertThat(response.status()).isEqualTo(401);
                assertThat(response.header("Connection")).isNull();
            }
        }
    }

    @Test
    void noKeyIsUnauthenticatedWithABearerChallenge() throws Exception {
        given().get("/v1/keys")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer realm=\"atc\"")
                .header("Cache-Control", "no-store")
                .body("type", equalTo("urn:atc:problem:unauthenticated"))
                .body("status", equalTo(401));
        assertThat(doubles.keys.calls).as("authentication attempted").isZero();
        assertNothingForwarded();
    }

    @ParameterizedTest
    @EnumSource(
            value = AuthOutcome.class,
            names = {"BAD_FORMAT", "UNKNOWN", "REVOKED", "EXPIRED"})
    void everyInvalidKeyGetsTheSameAnswer(AuthOutcome outcome) throws Exception {
        doubles.keys.refuse(OTHER_KEY, outcome);

        Response response = given().header("X-Api-Key", OTHER_KEY).get("/v1/keys");

        response.then()
                .statusCode(401)
                .header("WWW-Authenticate", "Bearer realm=\"atc\", error=\"invalid_token\"")
                .body("type", equalTo("urn:atc:problem:unauthenticated"))
                .body("detail", equalTo("The API key is not valid."));
        assertThat(response.asString())
                .doesNotContainIgnoringCase(outcome.tag())
                .doesNotContain(OTHER_KEY);
        assertNothingForwarded();
    }

    @Test
    void aCachedButExpiredKeyStillFails() throws Exception {
        doubles.keys.accept(OTHER_KEY, GatewayDoubles.expired());

        given().header("X-Api-Key", OTHER_KEY)
                .get("/v1/keys")
                .then()
                .statusCode(401)
                .body("detail", equalTo("The API key is not valid."));
        assertNothingForwarded();
    }

    @Test
    void overloadedVerificationIsUnavailableWithRetryAfter() throws Exception {
        doubles.keys.refuse(OTHER_KEY, AuthOutcome.OVERLOADED);

        given().header("X-Api-Key", OTHER_KEY)
                .get("/v1/keys")
                .then()
                .statusCode(503)
                .header("Retry-After", "1")
                .body("type", equalTo("urn:atc:problem:unavailable"));
        assertNothingForwarded();
    }

    /** Breaks if THROTTLED falls into the 401 "invalid key" branch or loses its Retry-After. */
    @Test
    void aClientOverItsColdVerificationBudgetIsRateLimitedWithRetryAfter() throws Exception {
        doubles.keys.throttle(OTHER_KEY, 3);

        Response response = given().header("X-Api-Key", OTHER_KEY).get("/v1/keys");

        response.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", "3")
                .body("type", equalTo("urn:atc:problem:rate-limited"));
        assertThat(response.asString()).doesNotContain(OTHER_KEY);
        assertNothingForwarded();
    }

    @Test
    void aFailingVerificationIsUnavailableNotAnError() throws Exception {
        doubles.keys.fail(OTHER_KEY);

        given().header("X-Api-Key", OTHER_KEY)
                .get("/v1/keys")
                .then()
                .statusCode(503)
                .header("Retry-After", "1")
                .body("type", equalTo("urn:atc:problem:unavailable"))
                .body(not(containsString("keys-service")));
        assertNothingForwarded();
    }

    @Test
    void aVerificationThatCompletesOnAnotherThreadStillForwards() {
        doubles.keys.acceptLater(OTHER_KEY, GatewayDoubles.KEY);

        given().header("X-Api-Key", OTHER_KEY).get("/v1/keys").then().statusCode(200);
        assertThat(upstream.next().uri()).isEqualTo("/v1/keys");
    }

    @Test
    void anAddressOutsideTheKeysAllowlistIsForbiddenWithoutRevealingIt() throws Exception {
        doubles.keys.accept(OTHER_KEY, GatewayDoubles.key(List.of("198.51.100.0/24"), List.of()));

        Response response = given().header("X-Api-Key", OTHER_KEY).get("/v1/keys");

        response.then().statusCode(403).body("type", equalTo("urn:atc:problem:forbidden"));
        assertThat(response.asString()).doesNotContain("198.51.100");
        assertNothingForwarded();
    }

    @Test
    void anAddressInTheAllowlistPasses() {
        doubles.keys.accept(OTHER_KEY, GatewayDoubles.key(List.of("127.0.0.1/32"), List.of()));

        given().header("X-Api-Key", OTHER_KEY).get("/v1/keys").then().statusCode(200);
    }

    @Test
    void anOriginTheKeyDoesNotListIsForbiddenWithoutCorsHeaders() throws Exception {
        Response response = given().header("X-Api-Key", GatewayDoubles.GOOD_KEY)
                .header("Origin", "https://console.example.com.evil.io")
                .get("/v1/keys");

        response.then().statusCode(403).body("type", equalTo("urn:atc:problem:forbidden"));
        assertThat(response.headers().asList())
                .noneMatch(header -> header.getName().startsWith("Access-Control-"));
        assertThat(response.header("Vary")).isEqualTo("Origin");
        assertThat(response.asString()).doesNotContain("console.example.com\"");
        assertNothingForwarded();
    }

    @Test
    void anOriginTheKeyListsGetsTheCorsHeadersAndVary() {
        given().header("X-Api-Key", GatewayDoubles.GOOD_KEY)
                .header("Origin", "https://console.example.com")
                .get("/v1/keys")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "https://console.example.com")
                .header("Vary", "Origin");
    }

    @Test
    void aRequestWithoutOriginStillVariesOnOrigin() {
        Response response = given().header("X-Api-Key", GatewayDoubles.GOOD_KEY).get("/v1/keys");

        response.then().statusCode(200).header("Vary", "Origin");
        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void aKeyOverItsRateIsLimitedWithRetryAfter() throws Exception {
        doubles.limits.exhausted.add(GatewayDoubles.KEY.keyId());

        given().header("X-Api-Key", GatewayDoubles.GOOD_KEY)
                .get("/v1/keys")
                .then()
                .statusCode(429)
                .header("Retry-After", "7")
                .body("type", equalTo("urn:atc:problem:rate-limited"));
        assertNothingForwarded();
    }

    @Test
    void theChecksRunInOrder() throws Exception {
        doubles.keys.accept(OTHER_KEY, GatewayDoubles.key(List.of("198.51.100.0/24"), List.of()));
        doubles.limits.exhausted.add(GatewayDoubles.KEY.keyId());

        given().header("X-Api-Key", OTHER_KEY)
                .header("Origin", "https://elsewhere.example")
                .get("/v1/keys")
                .then()
                .statusCode(403)
                .body("detail", containsString("address"));

        doubles.keys.accept(OTHER_KEY, GatewayDoubles.KEY);
        given().header("X-Api-Key", OTHER_KEY)
                .header("Origin", "https://elsewhere.example")
                .get("/v1/keys")
                .then()
                .statusCode(403)
                .body("detail", containsString("origin"));
        assertNothingForwarded();
    }

    @Test
    void aPreflightIsAnsweredByTheOriginPolicyWithoutAKey() throws Exception {
        given().header("Origin", "https://console.example.com")
                .header("Access-Control-Request-Method", "POST")
                .options("/v1/keys")
                .then()
                .statusCode(204)
                .header("X-Preflight", "answered");

        assertThat(doubles.origins.preflights).isEqualTo(1);
        assertThat(doubles.keys.calls).isZero();
        assertNothingForwarded();
    }

    private void assertNothingForwarded() throws InterruptedException {
        assertThat(upstream.receivedAnything(Duration.ofMillis(200)))
                .as("forwarded")
                .isFalse();
    }
}
