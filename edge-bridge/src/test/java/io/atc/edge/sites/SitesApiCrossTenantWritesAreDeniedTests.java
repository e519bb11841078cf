package io.atc.edge.sites;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.atc.edge.support.EdgeBridgeTestResources;
import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Synthetic-organisation test 2 through the service API: A cannot rename or delete B's site
 * (404), and B still sees its site unchanged.
 * Breaks when: a mutation runs outside the caller's tenant transaction.
 */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
class SitesApiCrossTenantWritesAreDeniedTests {

    private static SyntheticOrganisations orgs;

    @BeforeAll
    static void organisations() {
        orgs = SyntheticOrganisations.in(TestDatabase.shared());
    }

    @Test
    void renamingOrDeletingAnotherTenantsSiteIsNotFoundAndChangesNothing() {
        UUID bSite = orgs.b().siteIds().get(1);
        String before = readAsB(bSite).prettify();

        given().auth()
                .oauth2(InternalTokens.forTenant(orgs.a().tenantId()))
                .contentType("application/json")
                .body("{\"name\":\"taken over\"}")
                .put("/v1/sites/{id}", bSite)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(InternalTokens.forTenant(orgs.a().tenantId()))
                .delete("/v1/sites/{id}", bSite)
                .then()
                .statusCode(404);

        assertThat(readAsB(bSite).prettify()).isEqualTo(before);
    }

    private static JsonPath readAsB(UUID site) {
        return given().auth()
                .oauth2(InternalTokens.forTenant(orgs.b().tenantId()))
                .get("/v1/sites/{id}", site)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
