package io.atc.retention;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.atc.retention.support.RetentionApi;
import io.atc.retention.support.RetentionRows;
import io.atc.testkit.audit.AuditTrail;
import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.atc.testkit.quarkus.RetentionServiceTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The synthetic organisations through the retention API: B, an admin of its own tenant, cannot read or
 * change A's site settings, hold A's site or device, read or release A's hold, read A's runs or preview A's
 * site. Each is a 404, as for an id that never existed, and A's settings, holds and audit chain are unchanged.
 * Breaks when: a statement runs outside the caller's tenant transaction, or an existence check reads a
 * table without the tenant (TenantObjects), so a hold could be set on another tenant's object.
 */
@QuarkusTest
@QuarkusTestResource(RetentionServiceTestResources.class)
class RetentionApiCrossTenantAccessIsDeniedTests {

    private static SyntheticOrganisations orgs;
    private static UUID aSite;
    private static UUID aDevice;
    private static UUID aHold;
    private static UUID aRun;

    /** Once per class, but after Quarkus has started: the set-up calls the API. */
    @BeforeEach
    void organisations() {
        if (aRun != null) {
            return;
        }
        orgs = SyntheticOrganisations.in(TestDatabase.shared());
        UUID a = orgs.a().tenantId();
        aSite = orgs.a().siteIds().get(0);
        aDevice = RetentionRows.device(a, aSite, "A's camera " + UUID.randomUUID());
        RetentionApi.putSite(a, aSite, "{\"eventsDays\":5,\"imagesDays\":6}")
                .then()
                .statusCode(200);
        aHold = RetentionApi.holdSite(a, aSite);
        aRun = RetentionRows.finishedPurge(a, aSite, Instant.now(), 2);
    }

    @Test
    void bCannotReadOrChangeAnythingOfA() {
        UUID b = orgs.b().tenantId();
        UUID a = orgs.a().tenantId();
        String settingsBefore = RetentionApi.getSite(a, aSite).asString();
        String holdBefore = RetentionApi.getHold(a, aHold).asString();
        long aEvents = AuditTrail.eventCount(a);
        long aHolds = RetentionRows.count(a, "select count(*) from retention.holds");

        RetentionApi.getSite(b, aSite).then().statusCode(404);
        RetentionApi.putSite(b, aSite, "{\"eventsDays\":1,\"imagesDays\":1}")
                .then()
                .statusCode(404);
        RetentionApi.preview(b, aSite).then().statusCode(404);
        RetentionApi.setHold(b, "{\"siteId\":\"" + aSite + "\",\"reason\":\"take over\"}")
                .then()
                .statusCode(404);
        RetentionApi.setHold(b, "{\"deviceId\":\"" + aDevice + "\",\"reason\":\"take over\"}")
                .then()
                .statusCode(404);
        RetentionApi.getHold(b, aHold).then().statusCode(404);
        RetentionApi.releaseHold(b, aHold).then().statusCode(404);
        given().auth()
                .oauth2(InternalTokens.forTenant(b))
                .get("/v1/retention/runs/{runId}", aRun)
                .then()
                .statusCode(404);
        assertThat(given().auth()
                        .oauth2(InternalTokens.forTenant(b))
                        .queryParam("siteId", aSite)
                        .get("/v1/retention/runs")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items"))
                .isEmpty();
        assertThat(given().auth()
                        .oauth2(InternalTokens.forTenant(b))
                        .queryParam("state", "all")
                        .get("/v1/retention/holds")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.holdId"))
                .doesNotContain(aHold.toString());

        assertThat(RetentionApi.getSite(a, aSite).asString()).isEqualTo(settingsBefore);
        assertThat(RetentionApi.getHold(a, aHold).asString()).isEqualTo(holdBefore);
        assertThat(RetentionRows.count(a, "select count(*) from retention.holds"))
                .isEqualTo(aHolds);
        assertThat(AuditTrail.eventCount(a)).isEqualTo(aEvents);
        assertThat(RetentionRows.count(
                        b,
                        "select count(*) from retention.holds where site_id = '" + aSite + "'" + " or device_id = '"
                                + aDevice + "'"))
                .isZero();
    }

    /** B's tenant default is B's alone: A's sites keep inheriting A's. */
    @Test
    void bsTenantDefaultDoesNotReachAsSites() {
        UUID a = orgs.a().tenantId();
        UUID otherASite = orgs.a().siteIds().get(1);
        String before = RetentionApi.getSite(a, otherASite).asString();

        RetentionApi.putTenantDefault(orgs.b().tenantId(), "{\"eventsDays\":2,\"imagesDays\":2}")
                .then()
                .statusCode(200);

        assertThat(RetentionApi.getSite(a, otherASite).asString()).isEqualTo(before);
    }
}
