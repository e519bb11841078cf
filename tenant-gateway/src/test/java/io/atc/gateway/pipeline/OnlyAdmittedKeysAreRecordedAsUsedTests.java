package io.atc.gateway.pipeline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.atc.gateway.GatewayTestResources;
import io.atc.gateway.auth.AuthOutcome;
import io.atc.gateway.support.GatewayDoubles;
import io.atc.gateway.support.TestUpstream;
import io.atc.gateway.support.UpstreamTestResources;
import io.atc.gateway.support.WithGatewayDoubles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A key's "last used" is its last admitted request: the pipeline notes the key and the resolved
 * client address once every check passed, and never for a refused request (bad, unknown, revoked or
 * expired key, an address or origin the key does not allow, its rate limit, a failed verification),
 * a keyless one or a preflight. Noting it can never fail the request.
 * Breaks when: the use is noted before the address, origin or rate checks, or a failure to note it
 * reaches the client.
 */
@QuarkusTest
@TestProfile(WithGatewayDoubles.class)
@QuarkusTestResource(GatewayTestResources.class)
@QuarkusTestResource(UpstreamTestResources.class)
class OnlyAdmittedKeysAreRecordedAsUsedTests {

    private static final String OTHER_KEY = "atc_test_Zz9kQ2xw9LmB_s3cr3tS3cr3tS3cr3tS3cr3tS3cr3t9xY8wV";

    private GatewayDoubles doubles;
    private TestUpstream upstream;

    @BeforeEach
    void setUp() {
        doubles = GatewayDoubles.install();
        upstream = TestUpstream.started();
    }

    @Test
    void anAdmittedRequestRecordsTheKeyAndTheClientAddress() throws Exception {
        given().header("X-Api-Key", GatewayDoubles.GOOD_KEY)
                .get("/v1/keys")
                .then()
                .statusCode(200);

        assertThat(doubles.uses.admitted).singleElement().satisfies(use -> {
            assertThat(use.key()).isEqualTo(GatewayDoubles.KEY);
            assertThat(use.client()).isEqualTo(InetAddress.getByName("127.0.0.1"));
        });
    }

    @ParameterizedTest
    @EnumSource(
            value = AuthOutcome.class,
            names = {"BAD_FORMAT", "UNKNOWN", "REVOKED", "EXPIRED", "OVERLOADED", "UNAVAILABLE"})
    void aRefusedKeyIsNotRecorded(AuthOutcome outcome) {
        doubles.keys.refuse(OTHER_KEY, outcome);

        int status = given().header("X-Api-Key", OTHER_KEY).get("/v1/keys").statusCode();

        assertThat(status).isIn(401, 503);
        assertThat(doubles.uses.admitted).isEmpty();
    }

    @Test
    void aKeyRefusedAfterItsVerificationIsNotRecorded() {
        doubles.keys.accept(OTHER_KEY, GatewayDoubles.expired());
        given().header("X-Api-Key", OTHER_KEY).get("/v1/keys").then().statusCode(401);

        doubles.keys.accept(OTHER_KEY, GatewayDoubles.key(List.of("198.51.100.0/24"), List.of()));
        given().header("X-Api-Key", OTHER_KEY).get("/v1/keys").then().statusCode(403);

        given().header("X-Api-Key", GatewayDoubles.GOOD_KEY)
                .header("Origin", "https://elsewhere.example")
                .get("/v1/keys")
                .then()
                .statusCode(403);

        doubles.limits.exhausted.add(GatewayDoubles.KEY.keyId());
        given().header("X-Api-Key", GatewayDoubles.GOOD_KEY)
                .get("/v1/keys")
                .then()
                .statusCode(429);

        doubles.keys.fail(OTHER_KEY);
        given().header("X-Api-Key", OTHER_KEY).get("/v1/keys").then().statusCode(503);

        assertThat(doubles.uses.admitted).isEmpty();
    }

    @Test
    void requestsWithoutAKeyAreNotRecorded() {
        given().get("/v1/keys").then().statusCode(401);
        given().header("Origin", "https://console.example.com")
                .header("Access-Control-Request-Method", "POST")
                .options("/v1/keys")
                .then()
                .statusCode(204);

        assertThat(doubles.uses.admitted).isEmpty();
    }

    /** Where the gateways report uses is not routed: a client with a good key cannot report one. */
    @Test
    void theUsageEndpointCannotBeReachedThroughTheGateway() throws Exception {
        given().header("X-Api-Key", GatewayDoubles.GOOD_KEY)
                .contentType("application/json")
                .body("{\"uses\": []}")
                .post("/internal/v1/keys/usage")
                .then()
                .statusCode(404);

        assertThat(upstream.receivedAnything(Duration.ofMillis(300))).isFalse();
        assertThat(doubles.uses.admitted).isEmpty();
    }

    @Test
    void aFailureToRecordNeverFailsTheRequest() {
        doubles.uses.failing = true;

        given().header("X-Api-Key", GatewayDoubles.GOOD_KEY)
                .get("/v1/keys")
                .then()
                .statusCode(200);

        assertThat(upstream.next().uri()).isEqualTo("/v1/keys");
    }
}
