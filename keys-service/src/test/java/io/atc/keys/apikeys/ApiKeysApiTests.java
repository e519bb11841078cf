package io.atc.keys.apikeys;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.atc.keys.KeysServiceTestResources;
import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Display once: the raw key appears only in the create (or rotate) response, with
 * Cache-Control: no-store; listings never carry it. Rotation, revocation, validation and scopes
 * as an integrator meets them.
 */
@QuarkusTest
@QuarkusTestResource(KeysServiceTestResources.class)
class ApiKeysApiTests {

    private static UUID tenant;

    @BeforeAll
    static void tenant() {
        tenant = SyntheticOrganisations.create(TestDatabase.shared(), "Keys API org")
                .tenantId();
    }

    @Test
    void theRawKeyIsShownOnceAndNeverListed() {
        Response created = create(
                "{\"name\":\"CI\",\"scopes\":[\"sites:read\"],"
                        + "\"allowedCidrs\":[\"203.0.113.0/24\",\"2001:DB8::/32\"],\"allowedOrigins\":[\"https://App.example.com:443\"]}");
        created.then()
                .statusCode(201)
                .header("Cache-Control", "no-store")
                .header("Location", notNullValue())
                .body("key", matchesPattern("atc_test_[0-9A-Za-z]{12}_[0-9A-Za-z]{38}"))
                .body("apiKey.status", equalTo("active"))
                .body("apiKey.allowedCidrs", equalTo(List.of("203.0.113.0/24", "2001:db8::/32")))
                .body("apiKey.allowedOrigins", equalTo(List.of("https://app.example.com")));
        String raw = created.path("key");
        String id = created.path("apiKey.id");
        String secret = raw.substring(raw.lastIndexOf('_') + 1);

        String listing = given().auth()
                .oauth2(admin())
                .get("/v1/keys")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id))
                .extract()
                .asString();
        String single = given().auth()
                .oauth2(admin())
                .get("/v1/keys/{id}", id)
                .then()
                .statusCode(200)
                .body("prefix", equalTo(raw.substring(0, raw.lastIndexOf('_'))))
                .extract()
                .asString();
        assertThat(listing + single).doesNotContain(secret).doesNotContain("\"key\"");
    }

    @Test
    void keysAreListedInPagesOfTheSameShapeAsEveryList() {
        create("{\"name\":\"paged one\",\"scopes\":[\"keys:read\"]}").then().statusCode(201);
        create("{\"name\":\"paged two\",\"scopes\":[\"keys:read\"]}").then().statusCode(201);

        Response first = given().auth().oauth2(admin()).queryParam("limit", 1).get("/v1/keys");
        first.then().statusCode(200).body("items", hasSize(1)).body("next", notNullValue());
        String firstId = first.path("items[0].id");
        given().auth()
                .oauth2(admin())
                .queryParam("limit", 500)
                .queryParam("after", first.<String>path("next"))
                .get("/v1/keys")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(firstId)))
                .body("items", not(empty()))
                .body("next", nullValue());
        given().auth()
                .oauth2(admin())
                .queryParam("after", firstId)
                .get("/v1/keys")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("after"));
        given().auth()
                .oauth2(admin())
                .queryParam("limit", 501)
                .get("/v1/keys")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void rotationIssuesASuccessorOnceAndRetiresTheOldKey() {
        String id = create("{\"name\":\"rotating\",\"scopes\":[\"admin\"]}").path("apiKey.id");

        Response rotated = given().auth()
                .oauth2(admin())
                .contentType("application/json")
                .body("{\"gracePeriodSeconds\":600}")
                .post("/v1/keys/{id}/rotate", id);
        rotated.then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("key", matchesPattern("atc_test_.*"))
                .body("apiKey.id", not(equalTo(id)));
        given().auth()
                .oauth2(admin())
                .get("/v1/keys/{id}", id)
                .then()
                .statusCode(200)
                .body("rotatedTo", equalTo(rotated.path("apiKey.id")))
                .body("status", equalTo("active"))
                .body("expiresAt", notNullValue());
        given().auth()
                .oauth2(admin())
                .contentType("application/json")
                .body("{}")
                .post("/v1/keys/{id}/rotate", id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");

        String immediate =
                create("{\"name\":\"rotating now\",\"scopes\":[\"admin\"]}").path("apiKey.id");
        given().auth()
                .oauth2(admin())
                .contentType("application/json")
                .body("{}")
                .post("/v1/keys/{id}/rotate", immediate)
                .then()
                .statusCode(200);
        given().auth().oauth2(admin()).get("/v1/keys/{id}", immediate).then().body("status", equalTo("revoked"));
    }

    @Test
    void revocationIsFinal() {
        String id =
                create("{\"name\":\"short-lived\",\"scopes\":[\"keys:read\"]}").path("apiKey.id");

        given().auth().oauth2(admin()).delete("/v1/keys/{id}", id).then().statusCode(204);
        given().auth().oauth2(admin()).get("/v1/keys/{id}", id).then().body("status", equalTo("revoked"));
        given().auth().oauth2(admin()).delete("/v1/keys/{id}", id).then().statusCode(409);
        given().auth()
                .oauth2(admin())
                .delete("/v1/keys/{id}", UUID.randomUUID())
                .then()
                .statusCode(404);
    }

    @Test
    void badInputIsA422NamingTheField() {
        assertInvalid("{\"name\":\"x\",\"scopes\":[\"root\"]}", "scopes[0]");
        assertInvalid("{\"name\":\"x\",\"scopes\":[]}", "scopes");
        assertInvalid("{\"name\":\"\",\"scopes\":[\"admin\"]}", "name");
        assertInvalid("{\"name\":\"x\",\"scopes\":[\"admin\"],\"expiresAt\":\"2001-01-01T00:00:00Z\"}", "expiresAt");
        assertInvalid("{\"name\":\"x\",\"scopes\":[\"admin\"],\"allowedCidrs\":[\"10.0.0.1/8\"]}", "allowedCidrs[0]");
        assertInvalid(
                "{\"name\":\"x\",\"scopes\":[\"admin\"],\"allowedCidrs\":[\"10.0.0.0/8\",\"intranet\"]}",
                "allowedCidrs[1]");
        assertInvalid("{\"name\":\"x\",\"scopes\":[\"admin\"],\"allowedOrigins\":[\"null\"]}", "allowedOrigins[0]");
        assertInvalid("{\"name\":\"x\",\"scopes\":[\"admin\"],\"allowedOrigins\":[\"*\"]}", "allowedOrigins[0]");
        given().auth()
                .oauth2(admin())
                .contentType("application/json")
                .body("{\"name\":\"x\",\"expiresAt\":\"soon\"}")
                .post("/v1/keys")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("expiresAt"));
    }

    @Test
    void scopesAreEnforced() {
        String readOnly = InternalTokens.forTenant(tenant, "keys:read");
        given().auth().oauth2(readOnly).get("/v1/keys").then().statusCode(200);
        given().auth()
                .oauth2(readOnly)
                .contentType("application/json")
                .body("{\"name\":\"x\",\"scopes\":[\"admin\"]}")
                .post("/v1/keys")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(InternalTokens.forTenant(tenant, "sites:read"))
                .get("/v1/keys")
                .then()
                .statusCode(403);
    }

    private static void assertInvalid(String body, String field) {
        given().auth()
                .oauth2(admin())
                .contentType("application/json")
                .body(body)
                .post("/v1/keys")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
    }

    private static Response create(String body) {
        return given().auth()
                .oauth2(admin())
                .contentType("application/json")
                .body(body)
                .post("/v1/keys");
    }

    private static String admin() {
        return InternalTokens.forTenant(tenant);
    }
}
