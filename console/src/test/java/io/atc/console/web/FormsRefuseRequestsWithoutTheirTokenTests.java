package io.atc.console.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Every form that changes something must carry its token (double submit: the sign-in form's cookie,
 * or the session's CSRF cookie), or the console refuses it before calling the gateway. The gateway
 * this test's console points at does not exist: a request that got through would be a 503 page, not a
 * 403. Breaks when: a form handler skips FormTokens.matches, or compares with something the attacker
 * controls alone. Checked: with FormTokens.matches accepting a missing token, both form tests fail.
 */
@QuarkusTest
class FormsRefuseRequestsWithoutTheirTokenTests {

    @Test
    void signInNeedsTheFormsOwnToken() {
        Response form = given().get("/console/sign-in");
        String cookie = form.cookie(FormTokens.SIGN_IN_COOKIE);
        assertThat(form.detailedCookie(FormTokens.SIGN_IN_COOKIE).isSecured()).isTrue();
        assertThat(form.detailedCookie(FormTokens.SIGN_IN_COOKIE).isHttpOnly()).isTrue();
        assertThat(form.detailedCookie(FormTokens.SIGN_IN_COOKIE).getSameSite()).isEqualToIgnoringCase("Strict");
        assertThat(form.asString()).contains("value=\"" + cookie + "\"");

        String tenant = "6f1c2a4e-9b1d-4c52-8f3e-2a7d5b0c9e14";
        given().formParam("tenant", tenant)
                .formParam("email", "a@example.com")
                .formParam("password", "pw")
                .post("/console/sign-in")
                .then()
                .statusCode(403);
        given().cookie(FormTokens.SIGN_IN_COOKIE, cookie)
                .formParam("tenant", tenant)
                .formParam("email", "a@example.com")
                .formParam("password", "pw")
                .formParam("form", "another")
                .post("/console/sign-in")
                .then()
                .statusCode(403);
        given().cookie(FormTokens.SIGN_IN_COOKIE, cookie)
                .formParam("tenant", tenant)
                .formParam("email", "a@example.com")
                .formParam("password", "pw")
                .formParam("form", cookie)
                .post("/console/sign-in")
                .then()
                .statusCode(503);
    }

    @Test
    void changesNeedTheSessionsCsrfToken() {
        String[] changes = {
            "/console/keys",
            "/console/keys/0b6f5d3e-8c1a-4f2b-9d7e-2a4c6e8f0b1d/rotate",
            "/console/keys/0b6f5d3e-8c1a-4f2b-9d7e-2a4c6e8f0b1d/revoke",
            "/console/audit/verify",
            "/console/sign-out",
            "/console/retention/defaults",
            "/console/retention/holds",
            "/console/retention/holds/0b6f5d3e-8c1a-4f2b-9d7e-2a4c6e8f0b1d/release",
            "/console/sites/0b6f5d3e-8c1a-4f2b-9d7e-2a4c6e8f0b1d/retention"
        };
        for (String change : changes) {
            given().cookie("__Host-atc_session", "s")
                    .cookie("__Host-atc_csrf", "c")
                    .formParam("name", "x")
                    .post(change)
                    .then()
                    .statusCode(403);
            given().cookie("__Host-atc_session", "s")
                    .cookie("__Host-atc_csrf", "c")
                    .formParam("csrf", "not-c")
                    .post(change)
                    .then()
                    .statusCode(403);
        }
    }

    @Test
    void withoutASessionTheKeysPageSendsToSignIn() {
        given().redirects()
                .follow(false)
                .get("/console/keys")
                .then()
                .statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/console/sign-in"));
    }
}
