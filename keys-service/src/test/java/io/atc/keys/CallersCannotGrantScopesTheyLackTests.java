package io.atc.keys;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.atc.testkit.audit.AuditTrail;
import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * No privilege escalation: a careless operator gives a CI job a {@code keys:write} key so it can
 * manage its own keys; when that key leaks, the attacker tries to turn it into admin by creating
 * an admin key, by rotating the tenant's admin key (rotation hands over the successor), and by
 * creating an admin console user. Each is 403 problem+json and leaves the keys table, the console
 * users and the audit trail exactly as they were. Admin may still do all of it, and a caller may
 * hand out any part of what it holds.
 * Breaks when: {@code Scopes.requireGrantableBy} is not called in {@code ApiKeys.issue},
 * {@code ApiKeys.rotatable} or {@code ConsoleUsers.create} (each attack then answers 201/200), or
 * when {@code Caller.holds} stops treating admin as every scope (the admin cases then fail).
 */
@QuarkusTest
@QuarkusTestResource(KeysServiceTestResources.class)
class CallersCannotGrantScopesTheyLackTests {

    private UUID tenant;
    private String leakedKeysWriter;

    @BeforeEach
    void tenant() {
        tenant = SyntheticOrganisations.create(TestDatabase.shared(), "Escalation org " + UUID.randomUUID())
                .tenantId();
        leakedKeysWriter = InternalTokens.forTenant(tenant, "keys:write");
    }

    @Test
    void aKeysWriteKeyCannotCreateAKeyWithScopesItLacks() {
        try (Unchanged unchanged = new Unchanged(tenant)) {
            refused(createKey(leakedKeysWriter, "admin"), "admin");
            refused(createKey(leakedKeysWriter, "keys:write", "sites:write"), "sites:write");
            refused(createKey(leakedKeysWriter, "audit:erase", "keys:read"), "audit:erase, keys:read");
        }
    }

    @Test
    void aKeysWriteKeyCannotRotateAKeyWithScopesItLacks() {
        String adminKey = createKey(InternalTokens.forTenant(tenant), "admin")
                .then()
                .statusCode(201)
                .extract()
                .path("apiKey.id");
        String sitesKey = createKey(InternalTokens.forTenant(tenant), "sites:write")
                .then()
                .statusCode(201)
                .extract()
                .path("apiKey.id");

        try (Unchanged unchanged = new Unchanged(tenant)) {
            refused(rotate(leakedKeysWriter, adminKey), "admin");
            refused(rotate(leakedKeysWriter, sitesKey), "sites:write");
        }
        given().auth()
                .oauth2(InternalTokens.forTenant(tenant))
                .get("/v1/keys/{id}", adminKey)
                .then()
                .statusCode(200)
                .body("status", equalTo("active"))
                .body("rotatedTo", nullValue())
                .body("expiresAt", nullValue());
    }

    @Test
    void aKeysWriteKeyCannotCreateAConsoleUserWithScopesItLacks() {
        String email = "escalate-" + UUID.randomUUID() + "@example.com";
        try (Unchanged unchanged = new Unchanged(tenant)) {
            refused(createUser(leakedKeysWriter, email, "admin"), "admin");
            refused(createUser(leakedKeysWriter, email, "keys:write", "audit:read"), "audit:read");
        }
        createUser(InternalTokens.forTenant(tenant), email, "admin")
                .then()
                .statusCode(201)
                .body("scopes", equalTo(List.of("admin")));
    }

    @Test
    void aCallerMayGrantAnyPartOfWhatItHolds() {
        String caller = InternalTokens.forTenant(tenant, "keys:write", "sites:read");

        String sitesReader = createKey(caller, "sites:read")
                .then()
                .statusCode(201)
                .body("apiKey.scopes", equalTo(List.of("sites:read")))
                .extract()
                .path("apiKey.id");
        rotate(caller, sitesReader).then().statusCode(200).body("apiKey.scopes", equalTo(List.of("sites:read")));
        createKey(caller, "keys:write", "sites:read").then().statusCode(201);
        createUser(caller, "viewer-" + UUID.randomUUID() + "@example.com", "sites:read")
                .then()
                .statusCode(201)
                .body("scopes", equalTo(List.of("sites:read")));
    }

    @Test
    void adminMayGrantEveryScope() {
        String admin = InternalTokens.forTenant(tenant);

        String adminKey =
                createKey(admin, "admin").then().statusCode(201).extract().path("apiKey.id");
        rotate(admin, adminKey).then().statusCode(200).body("apiKey.scopes", equalTo(List.of("admin")));
        createKey(admin, "audit:erase", "devices:write").then().statusCode(201);
        createUser(admin, "owner-" + UUID.randomUUID() + "@example.com", "admin")
                .then()
                .statusCode(201);
    }

    private static void refused(Response response, String lacking) {
        response.then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:atc:problem:forbidden"))
                .body("detail", containsString("lacks " + lacking + "."))
                .body(not(containsString("atc_test_")));
    }

    private static Response createKey(String token, String... scopes) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Map.of("name", "escalation attempt", "scopes", List.of(scopes)))
                .post("/v1/keys");
    }

    private static Response rotate(String token, String keyId) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{\"gracePeriodSeconds\":600}")
                .post("/v1/keys/{id}/rotate", keyId);
    }

    private static Response createUser(String token, String email, String... scopes) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Map.of("email", email, "password", "a long enough password", "scopes", List.of(scopes)))
                .post("/v1/console/users");
    }

    /** Asserts on close that the refusals wrote nothing: no key, no console user, no audit event. */
    private record Unchanged(UUID tenant, long keys, long users, long events) implements AutoCloseable {

        Unchanged(UUID tenant) {
            this(
                    tenant,
                    count(tenant, "keys.api_keys"),
                    count(tenant, "keys.console_users"),
                    AuditTrail.eventCount(tenant));
        }

        @Override
        public void close() {
            assertThat(count(tenant, "keys.api_keys")).as("keys").isEqualTo(keys);
            assertThat(count(tenant, "keys.console_users")).as("console users").isEqualTo(users);
            assertThat(AuditTrail.eventCount(tenant)).as("audit events").isEqualTo(events);
        }

        private static long count(UUID tenant, String table) {
            return SyntheticOrganisations.countAsTenant(tenant, "select count(*) from " + table);
        }
    }
}
