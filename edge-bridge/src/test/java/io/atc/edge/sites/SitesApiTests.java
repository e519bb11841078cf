package io.atc.edge.sites;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.atc.edge.support.DeviceApi;
import io.atc.edge.support.EdgeBridgeTestResources;
import io.atc.edge.support.RegisteredDevice;
import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.orgs.SyntheticOrganisation;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The sites API as an integrator sees it: lifecycle, paging, and problem+json for every mistake. */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
class SitesApiTests {

    private static SyntheticOrganisation tenant;

    @BeforeAll
    static void ownTenant() {
        tenant = SyntheticOrganisations.create(TestDatabase.shared(), "Sites API tenant");
    }

    @Test
    void aSiteCanBeCreatedReadRenamedAndDeleted() {
        String location = given().auth()
                .oauth2(token())
                .contentType("application/json")
                .body("{\"name\":\"  Quay 7  \"}")
                .post("/v1/sites")
                .then()
                .statusCode(201)
                .body("name", equalTo("Quay 7"))
                .extract()
                .header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        given().auth()
                .oauth2(token())
                .get("/v1/sites/{id}", id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Quay 7"));
        given().auth()
                .oauth2(token())
                .contentType("application/json")
                .body("{\"name\":\"Quay 8\"}")
                .put("/v1/sites/{id}", id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Quay 8"));
        given().auth().oauth2(token()).delete("/v1/sites/{id}", id).then().statusCode(204);
        given().auth().oauth2(token()).get("/v1/sites/{id}", id).then().statusCode(404);
    }

    @Test
    void listingIsPagedInIdOrder() {
        String next = given().auth()
                .oauth2(token())
                .queryParam("limit", 1)
                .get("/v1/sites")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("next", not(nullValue()))
                .extract()
                .path("next");

        given().auth()
                .oauth2(token())
                .queryParam("limit", 200)
                .queryParam("after", next)
                .get("/v1/sites")
                .then()
                .statusCode(200)
                .body("items.id", not(org.hamcrest.Matchers.hasItem(next)))
                .body("next", nullValue());
    }

    @Test
    void aDuplicateNameIsAConflict() {
        given().auth()
                .oauth2(token())
                .contentType("application/json")
                .body("{\"name\":\"Twin\"}")
                .post("/v1/sites")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(token())
                .contentType("application/json")
                .body("{\"name\":\"Twin\"}")
                .post("/v1/sites")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:atc:problem:conflict"));
    }

    @Test
    void aSiteWithDevicesCannotBeDeletedUntilTheyAre() {
        String site = given().auth()
                .oauth2(token())
                .contentType("application/json")
                .body("{\"name\":\"Busy\"}")
                .post("/v1/sites")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        RegisteredDevice device = DeviceApi.register(tenant.tenantId(), java.util.UUID.fromString(site), "Still here");

        given().auth()
                .oauth2(token())
                .delete("/v1/sites/{id}", site)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:atc:problem:conflict"))
                .body("detail", containsString("still has devices"));
        given().auth().oauth2(token()).get("/v1/sites/{id}", site).then().statusCode(200);

        DeviceApi.delete(device).then().statusCode(204);
        given().auth().oauth2(token()).delete("/v1/sites/{id}", site).then().statusCode(204);
    }

    @Test
    void invalidInputIsA422NamingTheField() {
        given().auth()
                .oauth2(token())
                .contentType("application/json")
                .body("{\"name\":\"   \"}")
                .post("/v1/sites")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"));
        given().auth()
                .oauth2(token())
                .contentType("application/json")
                .body("{\"name\":\"" + "x".repeat(201) + "\"}")
                .post("/v1/sites")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("name"));
        given().auth()
                .oauth2(token())
                .queryParam("limit", 0)
                .get("/v1/sites")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void malformedRequestsAre4xxProblemsNever500() {
        given().auth()
                .oauth2(token())
                .contentType("application/json")
                .body("{\"name\":")
                .post("/v1/sites")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", not(containsString("Exception")));
        given().auth()
                .oauth2(token())
                .contentType("application/json")
                .body("{\"name\":[1,2]}")
                .post("/v1/sites")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(token())
                .contentType("application/json")
                .post("/v1/sites")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(token())
                .contentType("text/plain")
                .body("name=x")
                .post("/v1/sites")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(token())
                .get("/v1/sites/not-a-uuid")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(token())
                .queryParam("after", "nope")
                .get("/v1/sites")
                .then()
                .statusCode(org.hamcrest.Matchers.either(equalTo(400)).or(equalTo(404)))
                .contentType("application/problem+json");
    }

    @Test
    void callsWithoutAValidInternalTokenAreRejected() {
        given().get("/v1/sites")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:atc:problem:unauthenticated"));
        given().auth()
                .oauth2(InternalTokens.forgedForTenant(tenant.tenantId()))
                .get("/v1/sites")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().header("X-Tenant-Id", tenant.tenantId().toString())
                .get("/v1/sites")
                .then()
                .statusCode(401);
    }

    @Test
    void scopesAreEnforced() {
        String readOnly = InternalTokens.forTenant(tenant.tenantId(), "sites:read");
        given().auth().oauth2(readOnly).get("/v1/sites").then().statusCode(200);
        given().auth()
                .oauth2(readOnly)
                .contentType("application/json")
                .body("{\"name\":\"No\"}")
                .post("/v1/sites")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(InternalTokens.forTenant(tenant.tenantId(), "keys:read"))
                .get("/v1/sites")
                .then()
                .statusCode(403);
    }

    private static String token() {
        return InternalTokens.forTenant(tenant.tenantId());
    }
}
