package io.atc.retention.holds;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.atc.retention.support.RetentionApi;
import io.atc.retention.support.RetentionRows;
import io.atc.testkit.audit.AuditTrail;
import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.orgs.SyntheticOrganisation;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.atc.testkit.quarkus.RetentionServiceTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Legal holds on a site or a device: who set them and why, optional end, listed while active (or all),
 * released once by an admin.
 * Breaks when: a hold may name both or neither object, an end in the past is taken, a hold on an unknown
 * object is stored, the list shows released or ended holds as active, a second release overwrites the
 * first, or a retention:write key may release a hold.
 */
@QuarkusTest
@QuarkusTestResource(RetentionServiceTestResources.class)
class LegalHoldsTests {

    private static SyntheticOrganisation org;
    private static UUID site;
    private static UUID device;

    @BeforeAll
    static void organisation() {
        org = SyntheticOrganisations.create(TestDatabase.shared(), "Holding org");
        site = org.siteIds().get(0);
        device = RetentionRows.device(org.tenantId(), site, "Gate camera");
    }

    @Test
    void aHoldOnASiteOrADeviceRecordsWhoWhyAndUntilWhen() {
        String endsAt =
                Instant.now().plusSeconds(86_400).truncatedTo(ChronoUnit.MICROS).toString();
        JsonPath hold = RetentionApi.setHold(
                        org.tenantId(),
                        "{\"siteId\":\"" + site + "\",\"reason\":\"  litigation 7  \",\"endsAt\":\"" + endsAt + "\"}")
                .then()
                .statusCode(201)
                .header("Location", notNullValue())
                .body("siteId", equalTo(site.toString()))
                .body("deviceId", nullValue())
                .body("reason", equalTo("litigation 7"))
                .body("setBy", equalTo("key:test"))
                .body("setAt", notNullValue())
                .body("active", equalTo(true))
                .body("releasedAt", nullValue())
                .extract()
                .jsonPath();
        assertThat(Instant.parse(hold.getString("endsAt"))).isEqualTo(Instant.parse(endsAt));
        RetentionApi.getHold(org.tenantId(), UUID.fromString(hold.getString("holdId")))
                .then()
                .statusCode(200)
                .body("reason", equalTo("litigation 7"));

        UUID onDevice = RetentionApi.holdDevice(org.tenantId(), device);
        RetentionApi.getHold(org.tenantId(), onDevice)
                .then()
                .statusCode(200)
                .body("deviceId", equalTo(device.toString()))
                .body("siteId", nullValue())
                .body("endsAt", nullValue());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"reason\":\"none\"}|siteId",
                "{\"siteId\":\"SITE\",\"deviceId\":\"DEVICE\",\"reason\":\"both\"}|deviceId",
                "{\"siteId\":\"SITE\",\"reason\":\"   \"}|reason",
                "{\"siteId\":\"SITE\"}|reason",
                "{\"siteId\":\"SITE\",\"reason\":\"past\",\"endsAt\":\"2020-01-01T00:00:00Z\"}|endsAt",
                "{\"siteId\":\"SITE\",\"reason\":\"bad\",\"endsAt\":\"tomorrow\"}|endsAt",
                "{\"siteId\":\"not-a-uuid\",\"reason\":\"bad\"}|siteId"
            })
    void aMalformedHoldIsRefusedNamingTheFieldAndNothingIsStored(String bodyAndField) {
        String[] parts = bodyAndField.split("\\|");
        String body = parts[0].replace("SITE", site.toString()).replace("DEVICE", device.toString());
        long events = AuditTrail.eventCount(org.tenantId());
        long holds = RetentionRows.count(org.tenantId(), "select count(*) from retention.holds");

        int status = RetentionApi.setHold(org.tenantId(), body)
                .then()
                .contentType("application/problem+json")
                .body("errors.field", hasItem(parts[1]))
                .extract()
                .statusCode();

        assertThat(status).isIn(400, 422);
        assertThat(RetentionRows.count(org.tenantId(), "select count(*) from retention.holds"))
                .isEqualTo(holds);
        assertThat(AuditTrail.eventCount(org.tenantId())).isEqualTo(events);
    }

    @Test
    void aHoldOnAnUnknownSiteOrDeviceIsNotFoundNamingIt() {
        UUID unknown = UUID.randomUUID();
        RetentionApi.setHold(org.tenantId(), "{\"siteId\":\"" + unknown + "\",\"reason\":\"x\"}")
                .then()
                .statusCode(404)
                .body("detail", equalTo("site " + unknown + " not found"));
        RetentionApi.setHold(org.tenantId(), "{\"deviceId\":\"" + unknown + "\",\"reason\":\"x\"}")
                .then()
                .statusCode(404)
                .body("detail", equalTo("device " + unknown + " not found"));
    }

    @Test
    void theListShowsActiveHoldsNewestFirstAndAllOnRequestInPages() {
        SyntheticOrganisation own = SyntheticOrganisations.create(TestDatabase.shared(), "Listing holds org");
        UUID first = RetentionApi.holdSite(own.tenantId(), own.siteIds().get(0));
        UUID second = RetentionApi.holdSite(own.tenantId(), own.siteIds().get(1));
        UUID released = RetentionApi.holdSite(own.tenantId(), own.siteIds().get(1));
        RetentionApi.releaseHold(own.tenantId(), released).then().statusCode(200);
        UUID ended = RetentionRows.endedSiteHold(own.tenantId(), own.siteIds().get(0));

        assertThat(allPages(own.tenantId(), "active")).containsExactly(second, first);
        List<UUID> all = allPages(own.tenantId(), "all");
        assertThat(all).containsExactlyInAnyOrder(first, second, released, ended);
        assertThat(all.get(all.size() - 1))
                .as("the hold set two days ago comes last")
                .isEqualTo(ended);
        given().auth()
                .oauth2(InternalTokens.forTenant(own.tenantId()))
                .queryParam("state", "all")
                .get("/v1/retention/holds")
                .then()
                .statusCode(200)
                .body("items.findAll { it.holdId == '" + ended + "' }.active", hasItems(false))
                .body("items.findAll { it.holdId == '" + released + "' }.releasedBy", hasItems("key:test"));
        given().auth()
                .oauth2(InternalTokens.forTenant(own.tenantId()))
                .queryParam("state", "expired")
                .get("/v1/retention/holds")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("state"));
    }

    @Test
    void aHoldIsReleasedOnceAndOnlyByAnAdmin() {
        UUID hold = RetentionApi.holdSite(org.tenantId(), org.siteIds().get(1));
        given().auth()
                .oauth2(InternalTokens.forTenant(org.tenantId(), "retention:read", "retention:write"))
                .delete("/v1/retention/holds/{holdId}", hold)
                .then()
                .statusCode(403);
        RetentionApi.getHold(org.tenantId(), hold).then().statusCode(200).body("active", equalTo(true));

        RetentionApi.releaseHold(org.tenantId(), hold)
                .then()
                .statusCode(200)
                .body("active", equalTo(false))
                .body("releasedBy", equalTo("key:test"))
                .body("releasedAt", notNullValue());
        String releasedAt = RetentionApi.getHold(org.tenantId(), hold).path("releasedAt");
        long events = AuditTrail.eventCount(org.tenantId());

        RetentionApi.releaseHold(org.tenantId(), hold).then().statusCode(409);
        RetentionApi.getHold(org.tenantId(), hold).then().statusCode(200).body("releasedAt", equalTo(releasedAt));
        assertThat(AuditTrail.eventCount(org.tenantId())).isEqualTo(events);
        RetentionApi.releaseHold(org.tenantId(), UUID.randomUUID()).then().statusCode(404);
        RetentionApi.getHold(org.tenantId(), UUID.randomUUID()).then().statusCode(404);
    }

    private static List<UUID> allPages(UUID tenant, String state) {
        List<UUID> ids = new ArrayList<>();
        String after = null;
        do {
            var request = given().auth()
                    .oauth2(InternalTokens.forTenant(tenant))
                    .queryParam("state", state)
                    .queryParam("limit", 1);
            if (after != null) {
                request.queryParam("after", after);
            }
            JsonPath page = request.get("/v1/retention/holds")
                    .then()
                    .statusCode(200)
                    .body("items", not(nullValue()))
                    .extract()
                    .jsonPath();
            page.getList("items.holdId", String.class).forEach(id -> ids.add(UUID.fromString(id)));
            after = page.getString("next");
        } while (after != null);
        return ids;
    }
}
