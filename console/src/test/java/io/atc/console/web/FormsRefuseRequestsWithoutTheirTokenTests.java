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
        String site = "/console/sites/5c7e9a1b-3d2f-4e6a-8b0c-1d3e5f7a9b2c";
        String device = site + "/devices/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f";
        String[] changes = {
            "/console/keys",
            "/console/keys/0b6f5d3e-8c1a-4f2b-9d7e-2a4c6e8f0b1d/rotate",
            "/console/keys/0b6f5d3e-8c1a-4f2b-9d7e-2a4c6e8f0b1d/revoke",
            "/console/audit/verify",
            "/console/sign-out",
            "/console/retention/defaults",
            "/console/retention/holds",
            "/console/retention/holds/0b6f5d3e-8c1a-4f2b-9d7e-2a4c6e8f0b1d/release",
            "/console/sites/0b6f5d3e-8c1a-4f2b-9d7e-2a4c6e8f0b1d/retention",
            "/console/sites",
            site + "/rename",
            site + "/delete",
            site + "/devices",
            device + "/rename",
            device + "/enabled",
            device + "/password",
            device + "/certificates",
            device + "/revoke-certificates",
            device + "/delete"
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
    void withoutASessionEveryPageSendsToSignIn() {
        String site = "/console/sites/5c7e9a1b-3d2f-4e6a-8b0c-1d3e5f7a9b2c";
        String device = site + "/devices/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f";
        for (String page : new String[] {
            "/console/keys",
            "/console/sites",
            site,
            site + "/delete",
            device,
            device + "/delete",
            device + "/revoke-certificates",
            "/console/sites/not-a-uuid"
        }) {
            given().redirects()
                    .follow(false)
                    .get(page)
                    .then()
                    .statusCode(303)
                    .header("Location", org.hamcrest.Matchers.endsWith("/console/sign-in"));
        }
    }
}
