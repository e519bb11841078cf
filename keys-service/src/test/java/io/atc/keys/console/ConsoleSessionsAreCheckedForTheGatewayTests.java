package io.atc.keys.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.atc.keys.KeysServiceTestResources;
import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The gateway turns a console session presented on the API into the user's identity through
 * /internal/v1/console/sessions/check: the same check as the console's own endpoints (CSRF for a
 * change, the live row, the user's current scopes), for the gateway's token only. Breaks when: a change
 * is accepted without its CSRF token, an ended session still answers an identity, the scopes come from
 * the cookie rather than the user, or a tenant's token reaches the endpoint.
 */
@QuarkusTest
@QuarkusTestResource(KeysServiceTestResources.class)
class ConsoleSessionsAreCheckedForTheGatewayTests {

    private static final String PASSWORD = "correct horse battery staple";

    @Test
    void aLiveSessionIsItsUsersIdentityAndAChangeNeedsItsCsrfToken() {
        UUID tenant = SyntheticOrganisations.create(TestDatabase.shared(), "Session check")
                .tenantId();
        String email = "check-" + UUID.randomUUID() + "@example.com";
        String userId = given().auth()
                .oauth2(InternalTokens.forTenant(tenant))
                .contentType("application/json")
                .body(Map.of("email", email, "password", PASSWORD, "scopes", List.of("keys:read", "keys:write")))
                .post("/v1/console/users")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Response signedIn = ConsoleEmailsDoNotLeakAcrossTenantsTests.signIn(tenant, email, PASSWORD);
        String cookie = signedIn.getCookie("__Host-atc_session");
        String csrf = signedIn.path("csrfToken");

        Response read = check(cookie, "GET", null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.<String>path("tenant")).isEqualTo(tenant.toString());
        assertThat(read.<String>path("userId")).isEqualTo(userId);
        assertThat(read.<List<String>>path("scopes")).containsExactlyInAnyOrder("keys:read", "keys:write");

        assertThat(check(cookie, "POST", null).statusCode()).isEqualTo(403);
        assertThat(check(cookie, "DELETE", "not-the-token").statusCode()).isEqualTo(403);
        assertThat(check(cookie, "POST", csrf).statusCode()).isEqualTo(200);

        given().auth()
                .oauth2(InternalTokens.forGateway())
                .cookie("__Host-atc_session", cookie)
                .header("X-CSRF-Token", csrf)
                .delete("/v1/console/sessions")
                .then()
                .statusCode(204);
        assertThat(check(cookie, "GET", null).statusCode()).as("ended").isEqualTo(403);
    }

    @Test
    void onlyTheGatewayMayAsk() {
        UUID tenant = SyntheticOrganisations.create(TestDatabase.shared(), "Session check 2")
                .tenantId();
        given().auth()
                .oauth2(InternalTokens.forTenant(tenant, "admin"))
                .contentType("application/json")
                .body(Map.of("session", "x", "method", "GET"))
                .post("/internal/v1/console/sessions/check")
                .then()
                .statusCode(403);
        assertThat(check("not.a.session", "GET", null).statusCode()).isEqualTo(403);
    }

    private static Response check(String session, String method, String csrf) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("session", session, "method", method));
        if (csrf != null) {
            body.put("csrf", csrf);
        }
        return given().auth()
                .oauth2(InternalTokens.forGateway())
                .contentType("application/json")
                .body(body)
                .post("/internal/v1/console/sessions/check");
    }
}
