package io.atc.keys.apikeys;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.atc.keys.KeysServiceTestResources;
import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A client generated from the public document sends {@code Accept: application/problem+json} for an
 * operation whose only success is 204 (revoking a key): it is answered, not refused with 406, and its
 * errors are problems. A client that accepts neither JSON nor problems still gets 406.
 * Breaks when: platform-core's ProblemJsonAcceptsJson is not registered (the revoke is a 406).
 */
@QuarkusTest
@QuarkusTestResource(KeysServiceTestResources.class)
class ClientsThatAcceptOnlyProblemsAreAnsweredTests {

    private static UUID tenant;

    @BeforeAll
    static void tenant() {
        tenant = SyntheticOrganisations.create(TestDatabase.shared(), "Problem-only Accept org")
                .tenantId();
    }

    private static String admin() {
        return InternalTokens.forTenant(tenant, "admin");
    }

    @Test
    void aRevokeThatAcceptsOnlyProblemsIsDone() {
        String id = given().auth()
                .oauth2(admin())
                .contentType("application/json")
                .body("{\"name\":\"to revoke\",\"scopes\":[\"sites:read\"]}")
                .post("/v1/keys")
                .then()
                .statusCode(201)
                .extract()
                .path("apiKey.id");

        given().auth()
                .oauth2(admin())
                .accept("application/problem+json")
                .delete("/v1/keys/{id}", id)
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(admin())
                .accept("application/problem+json")
                .delete("/v1/keys/{id}", UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:atc:problem:not-found"));
    }

    @Test
    void aClientThatAcceptsNeitherIsStillRefused() {
        given().auth()
                .oauth2(admin())
                .accept("text/html")
                .get("/v1/keys")
                .then()
                .statusCode(406)
                .contentType("application/problem+json");
    }
}
