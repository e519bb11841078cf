package io.atc.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.atc.gateway.GatewayTestResources;
import io.atc.gateway.support.GatewayDoubles;
import io.atc.gateway.support.InternalTokenClaims;
import io.atc.gateway.support.RawHttp;
import io.atc.gateway.support.TestUpstream;
import io.atc.gateway.support.UpstreamTestResources;
import io.atc.gateway.support.WithGatewayDoubles;
import io.atc.testkit.identity.InternalTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;

/**
 * What crosses the gateway in each direction. Breaks when: hop-by-hop headers (or those Connection
 * names) are passed on, the caller's API key or a forged internal token reaches a service, the
 * forwarding headers or request id come from the caller unchecked, or a service's CORS headers
 * reach the browser.
 */
@QuarkusTest
@TestProfile(WithGatewayDoubles.class)
@QuarkusTestResource(GatewayTestResources.class)
@QuarkusTestResource(UpstreamTestResources.class)
class HeadersCrossingTheGatewayTests {

    private TestUpstream upstream;

    @BeforeEach
    void setUp() {
        GatewayDoubles.install();
        upstream = TestUpstream.started();
    }

    @Test
    void hopByHopRequestHeadersStopAtTheGateway() throws Exception {
        RawHttp.Response response = RawHttp.exchange(String.join(
                "\r\n",
                "GET /v1/keys HTTP/1.1",
                "Host: gw",
                "X-Api-Key: " + GatewayDoubles.GOOD_KEY,
                "Connection: X-Client-Hop, close",
                "X-Client-Hop: private to the hop",
                "Keep-Alive: timeout=300",
                "TE: trailers",
                "Trailer: X-Checksum",
                "Upgrade: example/1",
                "Proxy-Authorization: Basic dXNlcjpwYXNz",
                "Proxy-Connection: keep-alive",
                "X-Kept: yes"));
        assertThat(response.status()).isEqualTo(200);

        TestUpstream.Seen seen = upstream.next();
        assertThat(seen.header("X-Kept")).isEqualTo("yes");
        for (String hop : new String[] {
            "X-Client-Hop", "Keep-Alive", "TE", "Trailer", "Upgrade", "Proxy-Authorization", "Proxy-Connection"
        }) {
            assertThat(seen.headers().contains(hop)).as(hop).isFalse();
        }
        assertThat(seen.headers().getAll("Connection"))
                .noneMatch(value -> value.toLowerCase().contains("x-client-hop"));
    }

    @Test
    void hopByHopResponseHeadersStopAtTheGateway() throws Exception {
        RawHttp.Response response = RawHttp.exchange("GET /v1/keys/k1/hop HTTP/1.1\r\nHost: gw\r\nX-Api-Key: "
                + GatewayDoubles.GOOD_KEY + "\r\nConnection: close");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("X-Kept")).isEqualTo("yes");
        for (String hop : new String[] {"X-Upstream-Hop", "Keep-Alive", "Proxy-Authenticate", "Upgrade", "Trailer"}) {
            assertThat(response.header(hop)).as(hop).isNull();
        }
        assertThat(response.all("Connection"))
                .noneMatch(value -> value.toLowerCase().contains("x-upstream-hop"));
    }

    @Test
    void theServicesOwnCorsHeadersAreDroppedAndItsVaryKept() {
        Response response = given().header("X-Api-Key", GatewayDoubles.GOOD_KEY).get("/v1/keys/k1/hop");

        response.then().statusCode(200);
        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
        assertThat(response.header("Access-Control-Allow-Credentials")).isNull();
        assertThat(response.headers().getValues("Vary")).containsExactly("Accept-Encoding, Origin");
    }

    @Test
    void thePresentedKeyNeverReachesAService() {
        given().header("Authorization", "Bearer " + GatewayDoubles.GOOD_KEY)
                .get("/v1/keys")
                .then()
                .statusCode(200);
        given().header("X-Api-Key", GatewayDoubles.GOOD_KEY)
                .get("/v1/keys")
                .then()
                .statusCode(200);

        for (int i = 0; i < 2; i++) {
            TestUpstream.Seen seen = upstream.next();
            assertThat(seen.headers().contains("X-Api-Key")).isFalse();
            for (Map.Entry<String, String> header : seen.headers()) {
                assertThat(header.getValue()).as(header.getKey()).doesNotContain(GatewayDoubles.GOOD_KEY.substring(20));
            }
        }
    }

    @Test
    void aForgedInternalTokenIsReplacedByTheGatewaysOwn() {
        UUID victim = UUID.randomUUID();
        given().header("X-Api-Key", GatewayDoubles.GOOD_KEY)
                .header("Authorization", "Bearer " + InternalTokens.forTenant(victim, "admin"))
                .get("/v1/keys")
                .then()
                .statusCode(200);

        TestUpstream.Seen seen = upstream.next();
        assertThat(seen.headers().getAll("Authorization")).hasSize(1);
        JsonObject claims = InternalTokenClaims.verified(seen.header("Authorization"));
        assertThat(claims.getString("tenant"))
                .isEqualTo(GatewayDoubles.KEY.tenant().toString())
                .isNotEqualTo(victim.toString());
    }

    @Test
    void servicesReceiveAVerifiableTokenWithTheKeysTenantAndScopes() {
        given().header("X-Api-Key", GatewayDoubles.GOOD_KEY)
                .get("/v1/sites/s1")
                .then()
                .statusCode(200);

        JsonObject claims = InternalTokenClaims.verified(upstream.next().header("Authorization"));
        assertThat(claims.getString("iss")).isEqualTo(InternalTokens.ISSUER);
        assertThat(claims.getString("aud")).isEqualTo(InternalTokens.AUDIENCE);
        assertThat(claims.getString("tenant"))
                .isEqualTo(GatewayDoubles.KEY.tenant().toString());
        assertThat(claims.getString("sub")).isEqualTo("key:" + GatewayDoubles.KEY.keyId());
        assertThat(claims.getJsonArray("scopes").getList()).containsExactly("sites:read", "sites:write");
        assertThat(claims.getLong("exp")).isGreaterThan(System.currentTimeMillis() / 1000);
    }

    @Test
    void forwardingHeadersAreTheGatewaysNotTheCallers() {
        given().header("X-Api-Key", GatewayDoubles.GOOD_KEY)
                .header("X-Forwarded-For", "203.0.113.66")
                .header("Forwarded", "for=203.0.113.66;proto=https")
                .header("X-Real-IP", "203.0.113.66")
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https")
                .get("/v1/keys")
                .then()
                .statusCode(200);

        TestUpstream.Seen seen = upstream.next();
        assertThat(seen.headers().getAll("X-Forwarded-For")).containsExactly("127.0.0.1");
        assertThat(seen.headers().getAll("X-Forwarded-Proto")).containsExactly("http");
        assertThat(seen.headers().contains("Forwarded")).isFalse();
        assertThat(seen.headers().contains("X-Real-IP")).isFalse();
        assertThat(seen.headers().contains("X-Forwarded-Host")).isFalse();
    }

    @Test
    void aRequestIdIsKeptWhenPlausibleAndMadeOtherwise() {
        String kept = given().header("X-Api-Key", GatewayDoubles.GOOD_KEY)
                .header("X-Request-Id", "req-42.a_b:c")
                .get("/v1/keys")
                .then()
                .statusCode(200)
                .extract()
                .header("X-Request-Id");
        assertThat(kept).isEqualTo("req-42.a_b:c");
        assertThat(upstream.next().header("X-Request-Id")).isEqualTo("req-42.a_b:c");

        String replaced = given().header("X-Api-Key", GatewayDoubles.GOOD_KEY)
                .header("X-Request-Id", "<script>alert(1)</script>")
                .get("/v1/keys")
                .then()
                .statusCode(200)
                .extract()
                .header("X-Request-Id");
        assertThat(replaced).matches("[0-9a-f]{32}");
        assertThat(upstream.next().headers().getAll("X-Request-Id")).containsExactly(replaced);

        String made = given().header("X-Api-Key", GatewayDoubles.GOOD_KEY)
                .get("/v1/keys")
                .then()
                .extract()
                .header("X-Request-Id");
        assertThat(made).matches("[0-9a-f]{32}").isNotEqualTo(replaced);
        assertThat(upstream.next().header("X-Request-Id")).isEqualTo(made);
    }

    @Test
    void theOperatorCredentialAndCookiesStayOffKeyRoutes() {
        given().header("X-Api-Key", GatewayDoubles.GOOD_KEY)
                .header("X-Operator-Token", "atc_op_secret")
                .header("Cookie", "__Host-atc-session=abc")
                .get("/v1/sites/s1")
                .then()
                .statusCode(200);

        TestUpstream.Seen seen = upstream.next();
        assertThat(seen.headers().contains("X-Operator-Token")).isFalse();
        assertThat(seen.headers().contains("Cookie")).isFalse();
    }
}
