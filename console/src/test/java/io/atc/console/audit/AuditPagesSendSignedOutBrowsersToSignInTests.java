package io.atc.console.audit;

import static io.restassured.RestAssured.given;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Signed out, every audit page, the export included (a stream, not a page, so it has its own path to
 * sign-in), sends the browser to sign in and asks the gateway for nothing else. Breaks when: the export
 * skips the session check or answers its redirect as a file.
 */
@QuarkusTest
class AuditPagesSendSignedOutBrowsersToSignInTests {

    @Test
    void everyAuditPageSendsToSignIn() {
        for (String page : new String[] {
            "/console/audit",
            "/console/audit?limit=0",
            "/console/audit/7",
            "/console/audit/export",
            "/console/audit/export?from_seq=x"
        }) {
            given().redirects()
                    .follow(false)
                    .get(page)
                    .then()
                    .statusCode(303)
                    .header("Location", Matchers.endsWith("/console/sign-in"))
                    .header("Content-Disposition", Matchers.nullValue())
                    .header("Cache-Control", "no-store");
        }
    }
}
