package io.atc.gateway.pipeline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.atc.gateway.GatewayTestResources;
import io.atc.gateway.session.SessionCheck;
import io.atc.gateway.support.GatewayDoubles;
import io.atc.gateway.support.InternalTokenClaims;
import io.atc.gateway.support.TestUpstream;
import io.atc.gateway.support.UpstreamTestResources;
import io.atc.gateway.support.WithGatewayDoubles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;

/**
 * A console session is accepted on the API in place of a key: the keys-service checks it (with the
 * request's method and CSRF token) and the request goes on with the same kind of internal token a key
 * gets, naming the user, its tenant and its scopes; the cookies do not cross. Breaks when: a session the
 * keys-service refuses is forwarded, the CSRF header or method is not passed to the check, the token
 * names another subject or scopes, cookies reach the service, or a request with an Origin can ride a
 * browser's session.
 */
@QuarkusTest
@TestProfile(WithGatewayDoubles.class)
@QuarkusTestResource(GatewayTestResources.class)
@QuarkusTestResource(UpstreamTestResources.class)
class ConsoleSessionsOnTheApiTests {

    private static final UUID TENANT = UUID.fromString("6f1c2a4e-9b1d-4c52-8f3e-2a7d5b0c9e14");
    private static final UUID USER = UUID.fromString("7e3b1c5a-2d4f-4b6a-8e9c-1f2a3b4c5d6e");

    private GatewayDoubles doubles;
    private TestUpstream upstream;

    @BeforeEach
    void setUp() {
        doubles = GatewayDoubles.install();
        upstream = TestUpstream.started();
        doubles.sessions.accept("live", SessionCheck.ok(TENANT, USER, List.of("keys:read", "keys:write")));
    }

    @Test
    void aLiveSessionGoesOnAsItsUsersInternalIdentity() {
        given().cookie("__Host-atc_session", "live")
                .cookie("other", "x")
                .header("X-CSRF-Token", "c1")
                .contentType("application/json")
                .body("{\"name\":\"k\"}")
                .post("/v1/keys")
                .then()
                .statusCode(200)
                .header("X-Upstream", "keys");

        TestUpstream.Seen seen = upstream.next();
        JsonObject claims = InternalTokenClaims.verified(seen.header("Authorization"));
        assertThat(claims.getString("sub")).isEqualTo("user:" + USER);
        assertThat(claims.getString("tenant")).isEqualTo(TENANT.toString());
        assertThat(claims.getJsonArray("scopes").getList()).containsExactly("keys:read", "keys:write");
        assertThat(seen.headers().contains("Cookie")).isFalse();
        assertThat(doubles.sessions.checked).containsExactly("live POST c1");
        assertThat(doubles.keys.calls).isZero();
    }

    @Test
    void aRefusedSessionReachesNoService() throws Exception {
        given().cookie("__Host-atc_session", "ended")
                .get("/v1/keys")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        assertThat(upstream.receivedAnything(Duration.ofMillis(200))).isFalse();
    }

    @Test
    void aSessionSentWithAnOriginIsRefusedWithoutAsking() throws Exception {
        given().cookie("__Host-atc_session", "live")
                .header("Origin", "https://sibling.example.com")
                .get("/v1/keys")
                .then()
                .statusCode(403);
        assertThat(doubles.sessions.checked).isEmpty();
        assertThat(upstream.receivedAnything(Duration.ofMillis(200))).isFalse();
    }

    @Test
    void aKeyWinsOverASession() {
        given().cookie("__Host-atc_session", "live")
                .header("X-Api-Key", GatewayDoubles.GOOD_KEY)
                .get("/v1/keys")
                .then()
                .statusCode(200);
        assertThat(InternalTokenClaims.verified(upstream.next().header("Authorization"))
                        .getString("sub"))
                .isEqualTo("key:" + GatewayDoubles.KEY.keyId());
        assertThat(doubles.sessions.checked).isEmpty();
    }
}
