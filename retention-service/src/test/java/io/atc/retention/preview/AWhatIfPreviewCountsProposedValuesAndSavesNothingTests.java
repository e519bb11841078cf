package io.atc.retention.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

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
 * Before saving a shorter retention, an admin asks what it would delete: the preview with {@code eventsDays}
 * or {@code imagesDays} counts with those values in place of the site's own (holds still apply; "inherit"
 * drops the site's value for the tenant's default), and saves nothing. Bad values are a 422 naming the
 * parameter; another tenant's site is a 404 as without a what-if.
 * Breaks when: the what-if is ignored, saved, lets a hold's rows be counted, or a bad value is a 500 or
 * silently ignored.
 */
@QuarkusTest
@QuarkusTestResource(RetentionServiceTestResources.class)
class AWhatIfPreviewCountsProposedValuesAndSavesNothingTests {

    @Test
    void proposedValuesAreCountedAndNothingIsSaved() {
        SyntheticOrganisation org = SyntheticOrganisations.create(TestDatabase.shared(), "What-if org");
        UUID tenant = org.tenantId();
        UUID site = org.siteIds().get(0);
        RetentionApi.putSite(tenant, site, "{\"eventsDays\":30,\"imagesDays\":30}")
                .then()
                .statusCode(200);
        RetentionApi.putTenantDefault(tenant, "{\"eventsDays\":2,\"imagesDays\":90}")
                .then()
                .statusCode(200);
        UUID camera = RetentionRows.device(tenant, site, "Camera");
        UUID heldCamera = RetentionRows.device(tenant, site, "Held camera");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        RetentionRows.event(tenant, site, camera, now.minus(Duration.ofDays(20)), 100);
        RetentionRows.event(tenant, site, camera, now.minus(Duration.ofDays(6)), 10);
        RetentionRows.event(tenant, site, camera, now.minus(Duration.ofDays(1)), 1);
        RetentionRows.event(tenant, site, heldCamera, now.minus(Duration.ofDays(20)), 1_000);
        RetentionRows.image(tenant, site, camera, now.minus(Duration.ofDays(20)), 5_000);
        RetentionApi.holdDevice(tenant, heldCamera);

        JsonPath saved = ok(RetentionApi.preview(tenant, site));
        assertThat(saved.getLong("events.count")).isZero();
        assertThat(ok(RetentionApi.preview(tenant, site, "eventsDays=")).getInt("events.days"))
                .as("empty, like absent, is the saved value (as the audit filters read an empty one)")
                .isEqualTo(30);

        JsonPath week = ok(RetentionApi.preview(tenant, site, "eventsDays=5"));
        assertThat(week.getInt("events.days")).isEqualTo(5);
        assertThat(week.getString("events.source")).isEqualTo("site");
        assertThat(week.getLong("events.count")).as("not the held camera's").isEqualTo(2);
        assertThat(week.getLong("events.bytes")).isEqualTo(110);
        assertThat(week.getInt("images.days")).as("images keep the saved value").isEqualTo(30);
        assertThat(week.getLong("images.count")).isZero();

        JsonPath inherited = ok(RetentionApi.preview(tenant, site, "eventsDays=inherit&imagesDays=10"));
        assertThat(inherited.getInt("events.days")).isEqualTo(2);
        assertThat(inherited.getString("events.source")).isEqualTo("tenant");
        assertThat(inherited.getLong("events.count")).isEqualTo(2);
        assertThat(inherited.getInt("images.days")).isEqualTo(10);
        assertThat(inherited.getLong("images.bytes")).isEqualTo(5_000);

        RetentionApi.getSite(tenant, site)
                .then()
                .statusCode(200)
                .body("events.own", equalTo(30))
                .body("images.own", equalTo(30));
        assertThat(ok(RetentionApi.preview(tenant, site)).getLong("events.count"))
                .as("nothing saved")
                .isZero();
    }

    @Test
    void badValuesAreRefusedNamingTheParameter() {
        SyntheticOrganisation org = SyntheticOrganisations.create(TestDatabase.shared(), "Bad what-if org");
        UUID site = org.siteIds().get(0);
        for (String query : new String[] {
            "eventsDays=0",
            "eventsDays=3651",
            "eventsDays=-1",
            "eventsDays=two",
            "eventsDays=1.5",
            "eventsDays=99999999999999999999",
            "eventsDays=%EF%BC%97"
        }) {
            RetentionApi.preview(org.tenantId(), site, query)
                    .then()
                    .statusCode(422)
                    .contentType(containsString("application/problem+json"))
                    .body("detail", containsString("eventsDays"))
                    .body("detail", containsString("3650"));
        }
        for (String nul : new String[] {"eventsDays=7%00", "eventsDays=inherit%00"}) {
            RetentionApi.preview(org.tenantId(), site, nul)
                    .then()
                    .statusCode(422)
                    .contentType(containsString("application/problem+json"))
                    .body("detail", containsString("eventsDays"));
        }
        RetentionApi.preview(org.tenantId(), site, "imagesDays=never")
                .then()
                .statusCode(422)
                .body("detail", containsString("imagesDays"));
    }

    @Test
    void anotherTenantsSiteIsNotFoundWithAWhatIfToo() {
        SyntheticOrganisation mine = SyntheticOrganisations.create(TestDatabase.shared(), "What-if asker");
        SyntheticOrganisation theirs = SyntheticOrganisations.create(TestDatabase.shared(), "What-if target");
        RetentionApi.preview(mine.tenantId(), theirs.siteIds().get(0), "eventsDays=1")
                .then()
                .statusCode(404);
    }

    private static JsonPath ok(io.restassured.response.Response response) {
        return response.then().statusCode(200).extract().jsonPath();
    }
}
