package io.atc.edge.history;

import static io.atc.edge.history.SiteEventsApiTests.notFound;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.atc.core.blobs.BlobStore;
import io.atc.edge.support.EdgeBridgeTestResources;
import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.orgs.SyntheticOrganisation;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Synthetic-organisation test of the history reads: tenant B, holding every scope, gets a 404 for
 * tenant A's site events, one of A's events and one of A's images, exactly as for ids that exist
 * nowhere; and tenant A cannot reach its own event or image through its other site's id.
 * Breaks when: a read takes the tenant from anywhere but the verified token, runs outside a tenant
 * transaction on a role that bypasses RLS, or a statement drops its site condition.
 */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
class EventsAndImagesCrossTenantReadsAreDeniedTests {

    @Inject
    BlobStore blobs;

    private SyntheticOrganisation a;
    private SyntheticOrganisation b;
    private UUID aSite;
    private UUID aOtherSite;
    private UUID device;
    private UUID event;
    private UUID image;

    @BeforeEach
    void aTenantsHistory() {
        SyntheticOrganisations orgs = SyntheticOrganisations.in(TestDatabase.shared());
        a = orgs.a();
        b = orgs.b();
        aSite = a.siteIds().get(0);
        aOtherSite = a.siteIds().get(1);
        device = UUID.randomUUID();
        image = HistoryRows.image(blobs, a.tenantId(), aSite, device, "image/jpeg", new byte[] {1, 2, 3});
        event = HistoryRows.event(
                a.tenantId(),
                aSite,
                device,
                UUID.randomUUID(),
                OffsetDateTime.parse("2026-03-01T12:00:00Z"),
                "t",
                "{}",
                image);
    }

    @Test
    void anotherTenantGetsNotFoundForTheSitesEventsTheEventAndTheImage() {
        String tenantB = InternalTokens.forTenant(b.tenantId());

        notFound(given().auth()
                .oauth2(tenantB)
                .get("/v1/sites/{siteId}/events", aSite)
                .then());
        notFound(given().auth()
                .oauth2(tenantB)
                .queryParam("deviceId", device)
                .get("/v1/sites/{siteId}/events/{eventId}", aSite, event)
                .then());
        notFound(given().auth()
                .oauth2(tenantB)
                .queryParam("deviceId", device)
                .get("/v1/sites/{siteId}/images/{imageId}", aSite, image)
                .then());
        for (UUID bSite : b.siteIds()) {
            notFound(given().auth()
                    .oauth2(tenantB)
                    .queryParam("deviceId", device)
                    .get("/v1/sites/{siteId}/events/{eventId}", bSite, event)
                    .then());
            notFound(given().auth()
                    .oauth2(tenantB)
                    .queryParam("deviceId", device)
                    .get("/v1/sites/{siteId}/images/{imageId}", bSite, image)
                    .then());
            List<String> listed = given().auth()
                    .oauth2(tenantB)
                    .queryParam("limit", 200)
                    .get("/v1/sites/{siteId}/events", bSite)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("items.eventId", String.class);
            assertThat(listed).doesNotContain(event.toString());
        }
    }

    @Test
    void theSameTenantCannotReachASitesEventOrImageThroughItsOtherSite() {
        String tenantA = InternalTokens.forTenant(a.tenantId());

        given().auth()
                .oauth2(tenantA)
                .queryParam("deviceId", device)
                .get("/v1/sites/{siteId}/images/{imageId}", aSite, image)
                .then()
                .statusCode(200);
        notFound(given().auth()
                .oauth2(tenantA)
                .queryParam("deviceId", device)
                .get("/v1/sites/{siteId}/images/{imageId}", aOtherSite, image)
                .then());
        notFound(given().auth()
                .oauth2(tenantA)
                .queryParam("deviceId", device)
                .get("/v1/sites/{siteId}/events/{eventId}", aOtherSite, event)
                .then());
        assertThat(given().auth()
                        .oauth2(tenantA)
                        .queryParam("deviceId", device.toString())
                        .queryParam("limit", 200)
                        .get("/v1/sites/{siteId}/events", aOtherSite)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.eventId", String.class))
                .isEmpty();
    }
}
