package io.atc.keys.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.atc.keys.KeysServiceTestResources;
import io.atc.testkit.audit.AuditTrail;
import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Console sign-in groundwork: users with argon2id passwords; a session cookie that scripts cannot
 * read and other sites cannot send; changes made with the cookie need the CSRF token; wrong email
 * and wrong password are indistinguishable, in answer and in cost.
 * Breaks when: the cookie loses HttpOnly/Secure/SameSite, or sign-out accepts a missing CSRF token.
 */
@QuarkusTest
@QuarkusTestResource(KeysServiceTestResources.class)
class ConsoleSignInTests {

    private static final String PASSWORD = "correct horse battery staple";
    private static UUID tenant;
    private static String email;

    @Inject
    MeterRegistry meters;

    @BeforeEach
    void user() {
        if (tenant != null) {
            return;
        }
        tenant = SyntheticOrganisations.create(TestDatabase.shared(), "Console org").tenantId();
        email = "ops-" + UUID.randomUUID() + "@example.com";
        given().auth().oauth2(InternalTokens.forTenant(tenant)).contentType("application/json")
                .body(Map.of("email", email.toUpperCase(), "password", PASSWORD)).post("/v1/console/users")
                .then().statusCode(201).body("email", equalTo(email)).body(not(containsString(PASSWORD)));
    }

    @Test
    void signingInSetsAHardenedSessionCookieAndACsrfToken() {
        Response signedIn = signIn(email, PASSWORD);
        signedIn.then().statusCode(201).header("Cache-Control", "no-store")
                .body("tenant", equalTo(tenant.toString())).body("csrfToken", not(equalTo(null)));
        String setCookie = String.join("\n", signedIn.headers().getValues("Set-Cookie"));

        assertThat(setCookie).contains("__Host-atc_session=").contains("HttpOnly").contains("Secure")
                .containsIgnoringCase("SameSite=Strict").contains("Path=/").doesNotContain("Domain=")
                .doesNotContain(PASSWORD);
        given().auth().oauth2(InternalTokens.forGateway()).cookie("__Host-atc_session", signedIn.getCookie("__Host-atc_session"))
                .get("/v1/console/session").then().statusCode(200).body("tenant", equalTo(tenant.toString()));
    }

    @Test
    void signingOutNeedsTheCsrfToken() {
        Response signedIn = signIn(email, PASSWORD);
        String cookie = signedIn.getCookie("__Host-atc_session");
        String csrf = signedIn.path("csrfToken");
        long events = AuditTrail.eventCount(tenant);

        given().auth().oauth2(InternalTokens.forGateway()).cookie("__Host-atc_session", cookie)
                .delete("/v1/console/sessions").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(InternalTokens.forGateway()).cookie("__Host-atc_session", cookie)
                .header("X-CSRF-Token", csrf + "x").delete("/v1/console/sessions").then().statusCode(403);
        given().auth().oauth2(InternalTokens.forGateway()).cookie("__Host-atc_session", cookie)
                .header("X-CSRF-Token", csrf).delete("/v1/console/sessions").then().statusCode(204);

        assertThat(AuditTrail.eventCount(tenant)).isEqualTo(events + 1);
        given().auth().oauth2(InternalTokens.forGateway()).cookie("__Host-atc_session", cookie + "tampered")
                .get("/v1/console/session").then().statusCode(403);
    }

    @Test
    void aWrongEmailAndAWrongPasswordAreIndistinguishable() {
        double before = meters.counter("atc.keys.argon2.verifications").count();
        String wrongPassword = signIn(email, PASSWORD + "!").then().statusCode(401).extract().path("detail");
        String unknownEmail = signIn("nobody-" + UUID.randomUUID() + "@example.com", PASSWORD).then().statusCode(401)
                .extract().path("detail");

        assertThat(wrongPassword).isEqualTo(unknownEmail);
        assertThat(meters.counter("atc.keys.argon2.verifications").count() - before).isEqualTo(2);
    }

    @Test
    void weakPasswordsAndDuplicateEmailsAreRefused() {
        String admin = InternalTokens.forTenant(tenant);
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("email", "short@example.com", "password", "tooshort")).post("/v1/console/users")
                .then().statusCode(422).body("errors[0].field", equalTo("password"));
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("email", "alice@example.com", "password", "alice-is-my-password")).post("/v1/console/users")
                .then().statusCode(422).body("errors[0].field", equalTo("password"));
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("email", email, "password", "another long password")).post("/v1/console/users")
                .then().statusCode(409);
        given().auth().oauth2(InternalTokens.forTenant(tenant, "keys:write")).contentType("application/json")
                .body(Map.of("email", "x@example.com", "password", "a long enough password")).post("/v1/console/users")
                .then().statusCode(403);
    }

    private static Response signIn(String who, String password) {
        return given().auth().oauth2(InternalTokens.forGateway()).contentType("application/json")
                .body(Map.of("email", who, "password", password)).post("/v1/console/sessions");
    }
}
