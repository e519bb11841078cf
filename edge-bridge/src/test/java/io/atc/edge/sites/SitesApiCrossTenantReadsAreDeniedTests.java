package io.atc.edge.sites;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.atc.edge.support.EdgeBridgeTestResources;
import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Synthetic-organisation test 1 through the service API: a caller of tenant A lists only A's
 * sites, and B's sites answer 404 by id (not 403: existence does not leak).
 * Breaks when: the service takes the tenant from anywhere but the verified token, or a query
 * runs outside a tenant transaction on a role that bypasses RLS.
 */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
class SitesApiCrossTenantReadsAreDeniedTests {

    private static SyntheticOrganisations orgs;

    @BeforeAll
    static void organisations() {
        orgs = SyntheticOrganisations.in(TestDatabase.shared());
    }

    @Test
    void listingShowsOnlyTheCallersSites() {
        List<String> listed = given().auth()
                .oauth2(InternalTokens.forTenant(orgs.a().tenantId()))
                .queryParam("limit", 200)
                .get("/v1/sites")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id", String.class);

        assertThat(listed)
                .containsAll(orgs.a().siteIds().stream().map(UUID::toString).toList())
                .doesNotContainAnyElementsOf(
                        orgs.b().siteIds().stream().map(UUID::toString).toList());
    }

    @Test
    void anotherTenantsSiteIsNotFoundById() {
        for (UUID bSite : orgs.b().siteIds()) {
            given().auth()
                    .oauth2(InternalTokens.forTenant(orgs.a().tenantId()))
                    .get("/v1/sites/{id}", bSite)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:atc:problem:not-found"));
        }
    }

    @Test
    void theOwnerOfTheSiteCanReadIt() {
        UUID bSite = orgs.b().siteIds().get(0);
        given().auth()
                .oauth2(InternalTokens.forTenant(orgs.b().tenantId()))
                .get("/v1/sites/{id}", bSite)
                .then()
                .statusCode(200)
                .body("id", equalTo(bSite.toString()));
    }
}
