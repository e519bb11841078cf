package io.atc.keys.apikeys;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.atc.keys.KeysServiceTestResources;
import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Synthetic orgs A and B: A's admin cannot list, read, rotate or revoke B's keys, and gets 404
 * (not 403), so the existence of B's key does not leak. B's key is unchanged afterwards.
 * Breaks when: key queries run outside the caller's tenant transaction, or answer 403 for foreign ids.
 */
@QuarkusTest
@QuarkusTestResource(KeysServiceTestResources.class)
class CrossTenantKeyAccessIsDeniedTests {

    private static SyntheticOrganisations orgs;

    @BeforeAll
    static void orgs() {
        orgs = SyntheticOrganisations.in(TestDatabase.shared());
    }

    @Test
    void aCannotSeeOrTouchBsKeys() {
        String bKey = given().auth()
                .oauth2(InternalTokens.forTenant(orgs.b().tenantId()))
                .contentType("application/json")
                .body("{\"name\":\"B's key\",\"scopes\":[\"admin\"]}")
                .post("/v1/keys")
                .then()
                .statusCode(201)
                .extract()
                .path("apiKey.id");
        String a = InternalTokens.forTenant(orgs.a().tenantId());

        given().auth().oauth2(a).get("/v1/keys").then().statusCode(200).body("items.id", not(hasItem(bKey)));
        given().auth().oauth2(a).get("/v1/keys/{id}", bKey).then().statusCode(404);
        given().auth()
                .oauth2(a)
                .contentType("application/json")
                .body("{}")
                .post("/v1/keys/{id}/rotate", bKey)
                .then()
                .statusCode(404);
        given().auth().oauth2(a).delete("/v1/keys/{id}", bKey).then().statusCode(404);

        given().auth()
                .oauth2(InternalTokens.forTenant(orgs.b().tenantId()))
                .get("/v1/keys/{id}", bKey)
                .then()
                .statusCode(200)
                .body("status", equalTo("active"))
                .body("rotatedTo", org.hamcrest.Matchers.nullValue());
    }
}
