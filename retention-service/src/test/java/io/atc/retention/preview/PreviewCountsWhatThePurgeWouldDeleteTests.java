package io.atc.retention.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.atc.retention.support.RetentionApi;
import io.atc.retention.support.RetentionRows;
import io.atc.testkit.orgs.SyntheticOrganisation;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.atc.testkit.quarkus.RetentionServiceTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The preview counts exactly the rows the purge would delete: received (not occurred) before the cutoff,
 * on this site, of no held device; nothing at all while the site is held; a hold whose end has passed
 * holds nothing.
 * Breaks when: the preview ages rows by another column or cutoff, counts another site's rows or a held
 * device's, counts a held site's rows, or treats an ended hold as active.
 */
@QuarkusTest
@QuarkusTestResource(RetentionServiceTestResources.class)
class PreviewCountsWhatThePurgeWouldDeleteTests {

    @Test
    void thePreviewCountsRowsReceivedBeforeTheCutoffOfUnheldDevicesOnly() {
        SyntheticOrganisation org = SyntheticOrganisations.create(TestDatabase.shared(), "Previewed org");
        UUID tenant = org.tenantId();
        UUID site = org.siteIds().get(0);
        UUID otherSite = org.siteIds().get(1);
        RetentionApi.putSite(tenant, site, "{\"eventsDays\":10,\"imagesDays\":20}")
                .then()
                .statusCode(200);
        UUID camera = RetentionRows.device(tenant, site, "Camera");
        UUID heldCamera = RetentionRows.device(tenant, site, "Held camera");
        UUID elsewhere = RetentionRows.device(tenant, otherSite, "Elsewhere");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant oldest = now.minus(Duration.ofDays(40));
        Instant newestExpiredEvent = now.minus(Duration.ofDays(10)).minusSeconds(60);

        RetentionRows.event(tenant, site, camera, oldest, 100);
        RetentionRows.event(tenant, site, camera, newestExpiredEvent, 50);
        RetentionRows.event(tenant, site, camera, now.minus(Duration.ofDays(10)).plusSeconds(60), 7);
        RetentionRows.event(tenant, site, heldCamera, oldest, 1_000);
        RetentionRows.event(tenant, otherSite, elsewhere, oldest, 1_000);
        RetentionRows.image(tenant, site, camera, now.minus(Duration.ofDays(25)), 5_000);
        RetentionRows.image(tenant, site, camera, now.minus(Duration.ofDays(15)), 9_000);
        RetentionRows.image(tenant, site, heldCamera, now.minus(Duration.ofDays(25)), 9_000);
        UUID deviceHold = RetentionApi.holdDevice(tenant, heldCamera);
        RetentionRows.endedSiteHold(tenant, site);

        JsonPath preview = RetentionApi.preview(tenant, site)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(preview.getBoolean("siteHeld")).isFalse();
        assertThat(preview.getList("heldDevices")).containsExactly(heldCamera.toString());
        assertThat(preview.getInt("events.days")).isEqualTo(10);
        assertThat(preview.getString("events.source")).isEqualTo("site");
        assertThat(preview.getLong("events.count")).isEqualTo(2);
        assertThat(preview.getLong("events.bytes")).isEqualTo(150);
        assertThat(Instant.parse(preview.getString("events.oldestReceivedAt"))).isEqualTo(oldest);
        assertThat(Instant.parse(preview.getString("events.newestReceivedAt"))).isEqualTo(newestExpiredEvent);
        assertThat(Duration.between(
                        Instant.parse(preview.getString("events.cutoff")), Instant.parse(preview.getString("at"))))
                .isEqualTo(Duration.ofDays(10));
        assertThat(preview.getLong("images.count")).isEqualTo(1);
        assertThat(preview.getLong("images.bytes")).isEqualTo(5_000);
        assertThat(preview.getInt("images.days")).isEqualTo(20);

        RetentionApi.releaseHold(tenant, deviceHold).then().statusCode(200);
        JsonPath unheld = RetentionApi.preview(tenant, site)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(unheld.getList("heldDevices")).isEmpty();
        assertThat(unheld.getLong("events.count")).isEqualTo(3);
        assertThat(unheld.getLong("images.bytes")).isEqualTo(14_000);

        UUID siteHold = RetentionApi.holdSite(tenant, site);
        JsonPath held = RetentionApi.preview(tenant, site)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(held.getBoolean("siteHeld")).isTrue();
        assertThat(held.getList("siteHolds")).containsExactly(siteHold.toString());
        assertThat(held.getLong("events.count")).isZero();
        assertThat(held.getLong("images.count")).isZero();
        assertThat(held.getString("events.oldestReceivedAt")).isNull();
    }

    @Test
    void anUnknownSiteHasNoPreview() {
        SyntheticOrganisation org = SyntheticOrganisations.create(TestDatabase.shared(), "No such site org");
        RetentionApi.preview(org.tenantId(), UUID.randomUUID()).then().statusCode(404);
    }
}
