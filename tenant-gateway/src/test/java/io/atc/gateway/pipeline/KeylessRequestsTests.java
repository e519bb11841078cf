package io.atc.gateway.pipeline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.atc.gateway.GatewayTestResources;
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
 * Tenant onboarding (operator credential) and the console session endpoints (password, then
 * cookie) go through without an API key, with the gateway's own token, to exactly those paths.
 * Breaks when: the gateway token reaches any other path, the operator credential or cookies are
 * not passed to those endpoints, or a keyless request elsewhere is forwarded.
 */
@QuarkusTest
@TestProfile(WithGatewayDoubles.class)
@QuarkusTestResource(GatewayTestResources.class)
@QuarkusTestResource(UpstreamTestResources.class)
class KeylessRequestsTests {

    private GatewayDoubles doubles;
    private TestUpstream upstream;

    @BeforeEach
    void setUp() {
        doubles = GatewayDoubles.install();
        upstream = TestUpstream.started();
    }

    @Test
    void tenantOnboardingCarriesTheOperatorCredentialWithTheGatewaysToken() {
        given().header("X-Operator-Token", "atc_op_operator-credential")
                .contentType("application/json")
                .body("{\"name\":\"Acme\"}")
                .post("/v1/tenants")
                .then()
                .statusCode(200);

        TestUpstream.Seen seen = upstream.next();
        assertThat(seen.upstream()).isEqualTo("keys");
        assertThat(seen.header("X-Operator-Token")).isEqualTo("atc_op_operator-credential");
        JsonObject claims = InternalTokenClaims.verified(seen.header("Authorization"));
        assertThat(claims.getJsonArray("groups").getList()).containsExactly("gateway");
        assertThat(claims.containsKey("tenant")).isFalse();
        assertThat(seen.bodyBytes()).isEqualTo("{\"name\":\"Acme\"}".length());
        assertThat(doubles.keys.calls).isZero();
    }

    @Test
    void theOperatorCredentialOpensNoOtherPath() throws Exception {
        given().header("X-Operator-Token", "atc_op_operator-credential")
                .get("/v1/tenants")
                .then()
                .statusCode(401);
        given().header("X-Operator-Token", "atc_op_operator-credential")
                .post("/v1/tenants/t1/keys")
                .then()
                .statusCode(401);
        given().header("X-Operator-Token", "atc_op_operator-credential")
                .post("/v1/keys")
                .then()
                .statusCode(401);
        assertThat(upstream.receivedAnything(Duration.ofMillis(200))).isFalse();
    }

    @Test
    void withAKeyTenantOnboardingIsAnOrdinaryKeyRequest() {
        given().header("X-Api-Key", GatewayDoubles.GOOD_KEY)
                .header("X-Operator-Token", "atc_op_operator-credential")
                .post("/v1/tenants")
                .then()
                .statusCode(200);

        TestUpstream.Seen seen = upstream.next();
        assertThat(seen.headers().contains("X-Operator-Token")).isFalse();
        assertThat(InternalTokenClaims.verified(seen.header("Authorization")).getString("tenant"))
                .isEqualTo(GatewayDoubles.KEY.tenant().toString());
    }

    @Test
    void consoleSignInSessionAndSignOutCarryCookiesWithTheGatewaysToken() {
        given().contentType("application/json")
                .body("{\"email\":\"a@example.com\",\"password\":\"pw\"}")
                .post("/v1/console/sessions")
                .then()
                .statusCode(200);
        given().cookie("__Host-atc-session", "s1")
                .get("/v1/console/session")
                .then()
                .statusCode(200);
        given().cookie("__Host-atc-session", "s1")
                .header("X-CSRF-Token", "c1")
                .delete("/v1/console/sessions")
                .then()
                .statusCode(200);

        for (int i = 0; i < 3; i++) {
            TestUpstream.Seen seen = upstream.next();
            assertThat(InternalTokenClaims.verified(seen.header("Authorization"))
                            .getJsonArray("groups")
                            .getList())
                    .containsExactly("gateway");
            if (i > 0) {
                assertThat(seen.header("Cookie")).contains("__Host-atc-session=s1");
            }
        }
        assertThat(doubles.keys.calls).isZero();
    }

    /**
     * Breaks when: console pages need a key, get the gateway's token (which opens the internal endpoints),
     * or the cookies are not passed; or a key or internal token sent with a page reaches the console.
     */
    @Test
    void consolePagesCarryTheCookiesAndNoTokenToTheConsole() {
        given().cookie("__Host-atc_session", "s1")
                .header("Authorization", "Bearer forged.internal.token")
                .get("/console/keys")
                .then()
                .statusCode(200)
                .header("X-Upstream", "console");
        given().contentType("application/x-www-form-urlencoded")
                .body("email=a%40example.com")
                .post("/console/sign-in")
                .then()
                .statusCode(200);

        TestUpstream.Seen page = upstream.next();
        assertThat(page.uri()).isEqualTo("/console/keys");
        assertThat(page.header("Cookie")).contains("__Host-atc_session=s1");
        assertThat(page.headers().contains("Authorization")).isFalse();
        TestUpstream.Seen form = upstream.next();
        assertThat(form.uri()).isEqualTo("/console/sign-in");
        assertThat(form.headers().contains("Authorization")).isFalse();
        assertThat(doubles.keys.calls).isZero();
    }

    @Test
    void otherConsolePathsNeedAKey() throws Exception {
        given().cookie("__Host-atc-session", "s1")
                .post("/v1/console/users")
                .then()
                .statusCode(401);
        given().get("/v1/console/sessions").then().statusCode(401);
        assertThat(upstream.receivedAnything(Duration.ofMillis(200))).isFalse();
    }
}
