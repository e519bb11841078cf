package io.atc.console.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.atc.console.support.FakeGateway;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Only a session the platform refuses sends the browser to sign in. When the gateway limits the address
 * (429) or the platform does not answer (5xx), the page says so with that status: an admin who clicks
 * fast is not shown the sign-in form as if signed out. The audit export, a stream with its own path, does
 * the same. Breaks when: every failed session check is
 * treated as "not signed in".
 */
@QuarkusTest
@QuarkusTestResource(value = FakeGateway.class, restrictToAnnotatedClass = true)
class ABusyPlatformDoesNotSignTheUserOutTests {

    @BeforeEach
    void reset() {
        FakeGateway.reset();
    }

    @Test
    void aLimitedSessionCheckIsATooManyRequestsPage() {
        FakeGateway.answerWith("GET /v1/console/session", request -> new FakeGateway.Reply(429, "{\"status\":429}"));
        page("/console/sites").statusCode(429).header("Retry-After", "5").body(containsString("Too many requests"));
    }

    @Test
    void aLimitedSessionCheckOfTheAuditExportIsATooManyRequestsPageToo() {
        FakeGateway.answerWith("GET /v1/console/session", request -> new FakeGateway.Reply(429, "{\"status\":429}"));
        page("/console/audit/export")
                .statusCode(429)
                .header("Retry-After", "5")
                .header("Content-Type", containsString("text/plain"))
                .body(containsString("Too many requests"));
    }

    @Test
    void aPlatformThatDoesNotAnswerIsAServiceUnavailablePage() {
        FakeGateway.answerWith("GET /v1/console/session", request -> new FakeGateway.Reply(503, "{\"status\":503}"));
        page("/console/audit").statusCode(503).body(containsString("did not answer"));
    }

    @Test
    void aRefusedSessionStillSendsToSignIn() {
        FakeGateway.answerWith("GET /v1/console/session", request -> new FakeGateway.Reply(401, "{\"status\":401}"));
        page("/console/keys").statusCode(303).header("Location", endsWith("/console/sign-in"));
    }

    private static ValidatableResponse page(String path) {
        return given().cookie("__Host-atc_session", "s")
                .cookie("__Host-atc_csrf", "c")
                .redirects()
                .follow(false)
                .get(path)
                .then();
    }
}
