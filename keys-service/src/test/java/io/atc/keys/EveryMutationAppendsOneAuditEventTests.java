package io.atc.keys;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.atc.testkit.audit.AuditTrail;
import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Every mutating endpoint of the keys service appends exactly one audit event (tenant creation:
 * the genesis plus one); verification, a read-only POST, appends none, and neither does the
 * gateways' report of key uses, which is bookkeeping, not a change anyone made (docs/keys.md,
 * "Last used"). The calls must cover the OpenAPI document.
 */
@QuarkusTest
@QuarkusTestResource(KeysServiceTestResources.class)
class EveryMutationAppendsOneAuditEventTests {

    private static final Set<String> READ_ONLY =
            Set.of("POST /internal/v1/keys/verify", "POST /internal/v1/console/sessions/check");
    private static final Set<String> NOT_AUDITED = Set.of("POST /internal/v1/keys/usage");

    @Test
    void eachMutatingEndpointAppendsExactlyOneEvent() {
        UUID tenant = SyntheticOrganisations.create(TestDatabase.shared(), "Audited keys org")
                .tenantId();
        String admin = InternalTokens.forTenant(tenant);
        String[] key = new String[1];
        Map<String, Supplier<Response>> calls = new LinkedHashMap<>();
        calls.put("POST /v1/keys", () -> {
            Response response = given().auth()
                    .oauth2(admin)
                    .contentType("application/json")
                    .body("{\"name\":\"audited\",\"scopes\":[\"admin\"]}")
                    .post("/v1/keys");
            key[0] = response.path("apiKey.id");
            return response;
        });
        calls.put("POST /v1/keys/{keyId}/rotate", () -> given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body("{\"gracePeriodSeconds\":30}")
                .post("/v1/keys/{id}/rotate", key[0]));
        calls.put("DELETE /v1/keys/{keyId}", () -> given().auth().oauth2(admin).delete("/v1/keys/{id}", key[0]));
        String email = "audited-" + UUID.randomUUID() + "@example.com";
        Response[] session = new Response[1];
        calls.put("POST /v1/console/users", () -> given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(Map.of("email", email, "password", "a long enough password", "scopes", List.of("admin")))
                .post("/v1/console/users"));
        calls.put("POST /v1/console/sessions", () -> {
            session[0] = given().auth()
                    .oauth2(InternalTokens.forGateway())
                    .contentType("application/json")
                    .body(Map.of("tenant", tenant.toString(), "email", email, "password", "a long enough password"))
                    .post("/v1/console/sessions");
            return session[0];
        });
        calls.put("DELETE /v1/console/sessions", () -> given().auth()
                .oauth2(InternalTokens.forGateway())
                .cookie("__Host-atc_session", session[0].getCookie("__Host-atc_session"))
                .header("X-CSRF-Token", (String) session[0].path("csrfToken"))
                .delete("/v1/console/sessions"));
        String[] userId = new String[1];
        calls.put("POST /v1/console/users/{userId}/disable", () -> {
            userId[0] = session[0].path("userId");
            return given().auth().oauth2(admin).post("/v1/console/users/{id}/disable", userId[0]);
        });
        calls.put(
                "POST /v1/console/users/{userId}/enable",
                () -> given().auth().oauth2(admin).post("/v1/console/users/{id}/enable", userId[0]));
        calls.put("PUT /v1/console/users/{userId}/password", () -> given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(Map.of("password", "another long enough password"))
                .put("/v1/console/users/{id}/password", userId[0]));
        calls.put(
                "DELETE /v1/console/users/{userId}",
                () -> given().auth().oauth2(admin).delete("/v1/console/users/{id}", userId[0]));

        Set<String> covered = new TreeSet<>(calls.keySet());
        covered.add("POST /v1/tenants");
        covered.addAll(READ_ONLY);
        covered.addAll(NOT_AUDITED);
        assertThat(AuditTrail.declaredMutatingOperations()).containsExactlyInAnyOrderElementsOf(covered);
        calls.forEach((operation, call) -> {
            long before = AuditTrail.eventCount(tenant);
            assertThat(call.get().statusCode()).as(operation).isBetween(200, 299);
            assertThat(AuditTrail.eventCount(tenant)).as(operation).isEqualTo(before + 1);
        });

        String created = given().auth()
                .oauth2(InternalTokens.forGateway())
                .header("X-Operator-Token", KeysServiceTestResources.OPERATOR_TOKEN)
                .contentType("application/json")
                .body("{\"name\":\"Audited tenant\"}")
                .post("/v1/tenants")
                .then()
                .statusCode(201)
                .extract()
                .path("tenantId");
        assertThat(AuditTrail.eventCount(UUID.fromString(created)))
                .as("POST /v1/tenants: genesis + 1")
                .isEqualTo(2);

        long before = AuditTrail.eventCount(tenant);
        given().auth()
                .oauth2(InternalTokens.forGateway())
                .contentType("application/json")
                .body(Map.of("key", "atc_test_x"))
                .post("/internal/v1/keys/verify")
                .then()
                .statusCode(200);
        assertThat(AuditTrail.eventCount(tenant)).isEqualTo(before);

        String used = given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body("{\"name\":\"used\",\"scopes\":[\"keys:read\"]}")
                .post("/v1/keys")
                .then()
                .statusCode(201)
                .extract()
                .path("apiKey.id");
        long beforeUse = AuditTrail.eventCount(tenant);
        given().auth()
                .oauth2(InternalTokens.forGateway())
                .contentType("application/json")
                .body(Map.of(
                        "uses",
                        List.of(Map.of("tenantId", tenant.toString(), "keyId", used, "at", "2026-01-01T00:00:00Z"))))
                .post("/internal/v1/keys/usage")
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(admin)
                .get("/v1/keys/{id}", used)
                .then()
                .statusCode(200)
                .body("lastUsedAt", org.hamcrest.Matchers.notNullValue());
        assertThat(AuditTrail.eventCount(tenant)).as("a recorded use").isEqualTo(beforeUse);
        given().auth()
                .oauth2(InternalTokens.forGateway())
                .contentType("application/json")
                .body(Map.of("session", "not.a.session", "method", "GET"))
                .post("/internal/v1/console/sessions/check")
                .then()
                .statusCode(403);
        assertThat(AuditTrail.eventCount(tenant)).as("a session check").isEqualTo(beforeUse);
    }
}
