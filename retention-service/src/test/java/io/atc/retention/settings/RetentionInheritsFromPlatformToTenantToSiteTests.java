package io.atc.retention.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

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
import io.restassured.response.ValidatableResponse;

/**
 * A site keeps what it sets, else what its tenant sets, else the platform's 30 days, for events and images
 * each; setting null goes back to inheriting. The answer says where each value comes from.
 * Breaks when: the inheritance is resolved in the wrong order, a null is stored as a value, the tenant
 * default reports itself as "site", or a change leaves no audit event saying what it replaced.
 */
@QuarkusTest
@QuarkusTestResource(RetentionServiceTestResources.class)
class RetentionInheritsFromPlatformToTenantToSiteTests {

    @Test
    void aSiteInheritsFromItsTenantWhichInheritsFromThePlatformAndNullInheritsAgain() {
        SyntheticOrganisation org = SyntheticOrganisations.create(TestDatabase.shared(), "Inheriting org");
        UUID tenant = org.tenantId();
        UUID site = org.siteIds().get(0);
        UUID otherSite = org.siteIds().get(1);

        expect(RetentionApi.getSite(tenant, site).then().statusCode(200), 30, "platform", null, 30, "platform", null)
                .body("updatedAt", nullValue())
                .body("updatedBy", nullValue());
        expect(
                RetentionApi.getTenantDefault(tenant).then().statusCode(200),
                30,
                "platform",
                null,
                30,
                "platform",
                null);

        expect(
                        RetentionApi.putTenantDefault(tenant, "{\"eventsDays\":60}")
                                .then()
                                .statusCode(200),
                        60,
                        "tenant",
                        60,
                        30,
                        "platform",
                        null)
                .body("updatedBy", equalTo("key:test"))
                .body("updatedAt", notNullValue());
        expect(RetentionApi.getSite(tenant, site).then().statusCode(200), 60, "tenant", null, 30, "platform", null);

        expect(
                        RetentionApi.putSite(tenant, site, "{\"eventsDays\":7,\"imagesDays\":3650}")
                                .then()
                                .statusCode(200),
                        7,
                        "site",
                        7,
                        3650,
                        "site",
                        3650)
                .body("updatedBy", equalTo("key:test"));
        expect(RetentionApi.getSite(tenant, site).then().statusCode(200), 7, "site", 7, 3650, "site", 3650);
        expect(
                RetentionApi.getSite(tenant, otherSite).then().statusCode(200),
                60,
                "tenant",
                null,
                30,
                "platform",
                null);

        expect(
                RetentionApi.putSite(tenant, site, "{\"eventsDays\":null,\"imagesDays\":1}")
                        .then()
                        .statusCode(200),
                60,
                "tenant",
                null,
                1,
                "site",
                1);
        expect(
                RetentionApi.putTenantDefault(tenant, "{\"eventsDays\":null,\"imagesDays\":null}")
                        .then()
                        .statusCode(200),
                30,
                "platform",
                null,
                30,
                "platform",
                null);
        expect(RetentionApi.getSite(tenant, site).then().statusCode(200), 30, "platform", null, 1, "site", 1);

        assertThat(
                        RetentionRows.count(
                                tenant,
                                "select count(*) from audit.events where action = 'retention.site-settings.changed'"
                                        + " and target = 'site:" + site + "'"
                                        + " and payload -> 'old' ->> 'eventsDays' = '7' and payload -> 'new' ->> 'imagesDays' = '1'"))
                .as("the audit event of the second site change records what it replaced")
                .isEqualTo(1);
    }

    private static ValidatableResponse expect(
            ValidatableResponse response,
            int eventsDays,
            String eventsSource,
            Integer eventsOwn,
            int imagesDays,
            String imagesSource,
            Integer imagesOwn) {
        return response.body("events.days", equalTo(eventsDays))
                .body("events.source", equalTo(eventsSource))
                .body("events.own", equalTo(eventsOwn))
                .body("images.days", equalTo(imagesDays))
                .body("images.source", equalTo(imagesSource))
                .body("images.own", equalTo(imagesOwn));
    }
}
