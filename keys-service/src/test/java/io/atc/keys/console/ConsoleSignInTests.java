package io.atc.keys.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
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
 * Console sign-in groundwork: users of one tenant with argon2id passwords and the scopes they were
 * given; a session cookie that scripts cannot read and other sites cannot send; changes made with
 * the cookie need the CSRF token; an unknown tenant, an unknown email, a wrong password, a disabled
 * user and another tenant's user are indistinguishable, in answer and in cost.
 * Breaks when: the cookie loses HttpOnly/Secure/SameSite, sign-out accepts a missing CSRF token,
 * sign-in skips the decoy verification for a missing user or tells a disabled user apart, or it
 * finds the user outside the tenant it names (another tenant's credentials then sign in).
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
        tenant = SyntheticOrganisations.create(TestDatabase.shared(), "Console org")
                .tenantId();
        email = "ops-" + UUID.randomUUID() + "@example.com";
        given().auth()
                .oauth2(InternalTokens.forTenant(tenant))
                .contentType("application/json")
                .body(Map.of(
                        "email",
                        email.toUpperCase(),
                        "password",
                        PASSWORD,
                        "scopes",
                        List.of("sites:read", "devices:read")))
                .post("/v1/console/users")
                .then()
                .statusCode(201)
                .body("email", equalTo(email))
                .body(not(containsString(PASSWORD)));
    }

    @Test
    void signingInSetsAHardenedSessionCookieAndACsrfToken() {
        Response signedIn = signIn(tenant, email, PASSWORD);
        signedIn.then()
                .statusCode(201)
                .header("Cache-Control", "no-store")
                .body("tenant", equalTo(tenant.toString()))
                .body("scopes", equalTo(List.of("devices:read", "sites:read")))
                .body("csrfToken", not(equalTo(null)));
        String setCookie = String.join("\n", signedIn.headers().getValues("Set-Cookie"));

        assertThat(setCookie)
                .contains("__Host-atc_session=")
                .contains("HttpOnly")
                .contains("Secure")
                .containsIgnoringCase("SameSite=Strict")
                .contains("Path=/")
                .doesNotContain("Domain=")
                .doesNotContain(PASSWORD);
        given().auth()
                .oauth2(InternalTokens.forGateway())
                .cookie("__Host-atc_session", signedIn.getCookie("__Host-atc_session"))
                .get("/v1/console/session")
                .then()
                .statusCode(200)
                .body("tenant", equalTo(tenant.toString()))
                .body("scopes", equalTo(List.of("devices:read", "sites:read")));
    }

    @Test
    void signingOutNeedsTheCsrfToken() {
        Response signedIn = signIn(tenant, email, PASSWORD);
        String cookie = signedIn.getCookie("__Host-atc_session");
        String csrf = signedIn.path("csrfToken");
        long events = AuditTrail.eventCount(tenant);

        given().auth()
                .oauth2(InternalTokens.forGateway())
                .cookie("__Host-atc_session", cookie)
                .delete("/v1/console/sessions")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(InternalTokens.forGateway())
                .cookie("__Host-atc_session", cookie)
                .header("X-CSRF-Token", csrf + "x")
                .delete("/v1/console/sessions")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(InternalTokens.forGateway())
                .cookie("__Host-atc_session", cookie)
                .header("X-CSRF-Token", csrf)
                .delete("/v1/console/sessions")
                .then()
                .statusCode(204);

        assertThat(AuditTrail.eventCount(tenant)).isEqualTo(events + 1);
        given().auth()
                .oauth2(InternalTokens.forGateway())
                .cookie("__Host-atc_session", cookie + "tampered")
                .get("/v1/console/session")
                .then()
                .statusCode(403);
    }

    @Test
    void everySignInFailureLooksAndCostsTheSame() {
        String disabled = "disabled-" + UUID.randomUUID() + "@example.com";
        createUser(tenant, disabled);
        disable(tenant, disabled);
        UUID otherTenant = SyntheticOrganisations.create(TestDatabase.shared(), "Other console org")
                .tenantId();
        Map<String, Response> failures = new LinkedHashMap<>();

        double before = meters.counter("atc.keys.argon2.verifications").count();
        failures.put("wrong password", signIn(tenant, email, PASSWORD + "!"));
        failures.put("unknown email", signIn(tenant, "nobody-" + UUID.randomUUID() + "@example.com", PASSWORD));
        failures.put("unknown tenant", signIn(UUID.randomUUID(), email, PASSWORD));
        failures.put("another tenant", signIn(otherTenant, email, PASSWORD));
        failures.put("disabled user", signIn(tenant, disabled, PASSWORD));
        double verifications = meters.counter("atc.keys.argon2.verifications").count() - before;

        Response wrongPassword = failures.get("wrong password");
        wrongPassword
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:atc:problem:unauthenticated"));
        failures.forEach((failure, response) -> {
            assertThat(response.statusCode()).as(failure).isEqualTo(401);
            assertThat(response.asString()).as(failure).isEqualTo(wrongPassword.asString());
            assertThat(headerNames(response)).as(failure).isEqualTo(headerNames(wrongPassword));
        });
        assertThat(verifications).as("one argon2id verification each").isEqualTo(failures.size());
    }

    @Test
    void weakPasswordsMissingScopesAndDuplicateEmailsAreRefused() {
        String admin = InternalTokens.forTenant(tenant);
        given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(Map.of("email", "short@example.com", "password", "tooshort", "scopes", List.of("admin")))
                .post("/v1/console/users")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("password"));
        given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(Map.of(
                        "email", "alice@example.com", "password", "alice-is-my-password", "scopes", List.of("admin")))
                .post("/v1/console/users")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("password"));
        given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(Map.of("email", "noscopes@example.com", "password", "a long enough password"))
                .post("/v1/console/users")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("scopes"));
        given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(Map.of("email", "x@example.com", "password", "a long enough password", "scopes", List.of("root")))
                .post("/v1/console/users")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("scopes[0]"));
        given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(Map.of("email", email, "password", "another long password", "scopes", List.of("admin")))
                .post("/v1/console/users")
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(InternalTokens.forTenant(tenant, "sites:read"))
                .contentType("application/json")
                .body(Map.of(
                        "email",
                        "x@example.com",
                        "password",
                        "a long enough password",
                        "scopes",
                        List.of("sites:read")))
                .post("/v1/console/users")
                .then()
                .statusCode(403);
    }

    private static Response signIn(UUID tenant, String who, String password) {
        return ConsoleEmailsDoNotLeakAcrossTenantsTests.signIn(tenant, who, password);
    }

    private static List<String> headerNames(Response response) {
        return response.getHeaders().asList().stream()
                .map(header -> header.getName())
                .sorted()
                .toList();
    }

    private static void createUser(UUID tenant, String who) {
        given().auth()
                .oauth2(InternalTokens.forTenant(tenant))
                .contentType("application/json")
                .body(Map.of("email", who, "password", PASSWORD, "scopes", List.of("sites:read")))
                .post("/v1/console/users")
                .then()
                .statusCode(201);
    }

    /** No endpoint disables a user yet; the service role does it in the tenant's transaction. */
    private static void disable(UUID tenant, String who) {
        try (Connection app = TestDatabase.shared().connectAsApp()) {
            app.setAutoCommit(false);
            SyntheticOrganisations.bindTenant(app, tenant);
            try (PreparedStatement update = app.prepareStatement(
                    "update keys.console_users set disabled_at = now() where tenant_id = ? and email = ?")) {
                update.setObject(1, tenant);
                update.setString(2, who);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            app.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
