package io.atc.retention.runs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.atc.retention.support.RetentionRows;
import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.orgs.SyntheticOrganisation;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.atc.testkit.quarkus.RetentionServiceTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The run history reads newest first in pages that neither skip nor repeat a run, even when runs share a
 * start instant; filtered by site; each run with its counts, cutoffs and digest (hex).
 * Breaks when: the keyset drops the run id tie-break or the microseconds, or the site filter is ignored.
 */
@QuarkusTest
@QuarkusTestResource(RetentionServiceTestResources.class)
class RunHistoryTests {

    @Test
    void runsAreListedNewestFirstInPagesAndBySite() {
        SyntheticOrganisation org = SyntheticOrganisations.create(TestDatabase.shared(), "Purged org");
        UUID tenant = org.tenantId();
        UUID site = org.siteIds().get(0);
        UUID otherSite = org.siteIds().get(1);
        Instant start = Instant.now().truncatedTo(ChronoUnit.MICROS).minusSeconds(3_600);
        UUID oldest = RetentionRows.finishedPurge(tenant, site, start, 1);
        UUID twinA = RetentionRows.finishedPurge(tenant, site, start.plusNanos(1_000), 2);
        UUID twinB = RetentionRows.finishedPurge(tenant, site, start.plusNanos(1_000), 3);
        UUID other = RetentionRows.finishedPurge(tenant, otherSite, start.plusSeconds(60), 4);
        List<UUID> twins =
                twinA.toString().compareTo(twinB.toString()) > 0 ? List.of(twinA, twinB) : List.of(twinB, twinA);

        assertThat(allPages(tenant, null)).containsExactly(other, twins.get(0), twins.get(1), oldest);
        assertThat(allPages(tenant, site)).containsExactly(twins.get(0), twins.get(1), oldest);

        given().auth()
                .oauth2(InternalTokens.forTenant(tenant, "retention:read"))
                .get("/v1/retention/runs/{runId}", other)
                .then()
                .statusCode(200)
                .body("kind", equalTo("purge"))
                .body("siteId", equalTo(otherSite.toString()))
                .body("status", equalTo("finished"))
                .body("eventsDeleted", equalTo(4))
                .body("eventBytes", equalTo(400))
                .body("auditSeq", equalTo(7))
                .body("requestedBy", equalTo("platform"))
                .body("idsDigest", equalTo(HexFormat.of().formatHex(sha256("ids"))));
        given().auth()
                .oauth2(InternalTokens.forTenant(tenant))
                .get("/v1/retention/runs/{runId}", UUID.randomUUID())
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(InternalTokens.forTenant(tenant))
                .queryParam("after", "bm90LWEtY3Vyc29y")
                .get("/v1/retention/runs")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("after"));
    }

    private static List<UUID> allPages(UUID tenant, UUID site) {
        List<UUID> ids = new ArrayList<>();
        String after = null;
        do {
            RequestSpecification request =
                    given().auth().oauth2(InternalTokens.forTenant(tenant)).queryParam("limit", 1);
            if (site != null) {
                request.queryParam("siteId", site);
            }
            if (after != null) {
                request.queryParam("after", after);
            }
            JsonPath page = request.get("/v1/retention/runs")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            page.getList("items.runId", String.class).forEach(id -> ids.add(UUID.fromString(id)));
            after = page.getString("next");
        } while (after != null);
        return ids;
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
