package io.atc.keys.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.atc.keys.KeysServiceTestResources;
import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Console users belong to their tenant. A hostile tenant A creates console users with the e-mail
 * addresses of tenant B, hoping to learn which exist (a 409) or to squat them before B uses them.
 * Neither works: A's users are created like any other, B keeps creating and signing in its own
 * user with the same address, and each user signs in to its own tenant only, never to the other
 * with the same address and its own password.
 * Breaks when: console_users is unique on email alone (V4's index: B's user, or A's, gets 409), or
 * sign-in looks the user up by e-mail across tenants instead of inside the tenant it names (the
 * cross-tenant sign-ins then succeed, into whichever tenant owns the address).
 */
@QuarkusTest
@QuarkusTestResource(KeysServiceTestResources.class)
class ConsoleEmailsDoNotLeakAcrossTenantsTests {

    private static final String A_PASSWORD = "tenant a's own password";
    private static final String B_PASSWORD = "tenant b's own password";

    private UUID a;
    private UUID b;

    @BeforeEach
    void tenants() {
        a = SyntheticOrganisations.create(TestDatabase.shared(), "Squatting org")
                .tenantId();
        b = SyntheticOrganisations.create(TestDatabase.shared(), "Squatted org").tenantId();
    }

    @Test
    void anAddressTakenByAnotherTenantFirstIsNeitherRevealedNorBlocked() {
        String email = "ops-" + UUID.randomUUID() + "@harbour.example";

        createUser(a, email, A_PASSWORD).then().statusCode(201);
        createUser(b, email, B_PASSWORD).then().statusCode(201).body("email", equalTo(email));

        eachSignsInToItsOwnTenantOnly(email);
    }

    @Test
    void anAddressAnotherTenantAlreadyUsesCanBeCreatedWithoutTouchingIt() {
        String email = "ops-" + UUID.randomUUID() + "@harbour.example";
        createUser(b, email, B_PASSWORD).then().statusCode(201);

        createUser(a, email, A_PASSWORD).then().statusCode(201);
        createUser(a, email, A_PASSWORD).then().statusCode(409).contentType("application/problem+json");

        eachSignsInToItsOwnTenantOnly(email);
    }

    private void eachSignsInToItsOwnTenantOnly(String email) {
        signIn(a, email, A_PASSWORD).then().statusCode(201).body("tenant", equalTo(a.toString()));
        signIn(b, email, B_PASSWORD).then().statusCode(201).body("tenant", equalTo(b.toString()));
        signIn(a, email, B_PASSWORD).then().statusCode(401).contentType("application/problem+json");
        signIn(b, email, A_PASSWORD).then().statusCode(401).contentType("application/problem+json");
    }

    private static Response createUser(UUID tenant, String email, String password) {
        return given().auth()
                .oauth2(InternalTokens.forTenant(tenant))
                .contentType("application/json")
                .body(Map.of("email", email, "password", password, "scopes", List.of("sites:read")))
                .post("/v1/console/users");
    }

    static Response signIn(UUID tenant, String email, String password) {
        return given().auth()
                .oauth2(InternalTokens.forGateway())
                .contentType("application/json")
                .body(Map.of("tenant", tenant.toString(), "email", email, "password", password))
                .post("/v1/console/sessions");
    }
}
