package io.atc.retention.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.atc.retention.support.RetentionApi;
import io.atc.testkit.audit.AuditTrail;
import io.atc.testkit.orgs.SyntheticOrganisation;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.atc.testkit.quarkus.RetentionServiceTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Days outside 1..3650, or not a number, are refused before anything is stored: a problem naming the field
 * (422 for a number out of range, 400 for a value of the wrong type), no change, no audit event; at the site
 * level and the tenant default alike.
 * Breaks when: the bounds are dropped from RetentionChange (0 reaches the table's check: no field named),
 * or the resource stops validating its body.
 */
@QuarkusTest
@QuarkusTestResource(RetentionServiceTestResources.class)
class RetentionDaysOutOfRangeAreRefusedNamingTheFieldTests {

    private static SyntheticOrganisation org;

    @BeforeAll
    static void organisation() {
        org = SyntheticOrganisations.create(TestDatabase.shared(), "Out of range org");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"eventsDays\":0}|422|eventsDays",
                "{\"eventsDays\":-5}|422|eventsDays",
                "{\"imagesDays\":3651}|422|imagesDays",
                "{\"eventsDays\":2147483647}|422|eventsDays",
                "{\"eventsDays\":\"x\"}|400|eventsDays",
                "{\"imagesDays\":[7]}|400|imagesDays"
            })
    void outOfRangeOrMistypedDaysAreRefusedNamingTheFieldAndChangeNothing(String body, int status, String field) {
        UUID site = org.siteIds().get(0);
        String siteBefore = RetentionApi.getSite(org.tenantId(), site).asString();
        String tenantBefore = RetentionApi.getTenantDefault(org.tenantId()).asString();
        long events = AuditTrail.eventCount(org.tenantId());

        RetentionApi.putSite(org.tenantId(), site, body)
                .then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
        RetentionApi.putTenantDefault(org.tenantId(), body)
                .then()
                .statusCode(status)
                .body("errors.field", hasItem(field));

        assertThat(RetentionApi.getSite(org.tenantId(), site).asString()).isEqualTo(siteBefore);
        assertThat(RetentionApi.getTenantDefault(org.tenantId()).asString()).isEqualTo(tenantBefore);
        assertThat(AuditTrail.eventCount(org.tenantId())).isEqualTo(events);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"''", "null", "not json"})
    void aMissingOrUnreadableBodyIsA4xxProblemAndChangesNothing(String body) {
        UUID site = org.siteIds().get(1);
        long events = AuditTrail.eventCount(org.tenantId());

        int status = RetentionApi.putSite(org.tenantId(), site, body)
                .then()
                .contentType("application/problem+json")
                .extract()
                .statusCode();
        assertThat(status).isBetween(400, 499);
        RetentionApi.getSite(org.tenantId(), site).then().statusCode(200).body("events.source", equalTo("platform"));
        assertThat(AuditTrail.eventCount(org.tenantId())).isEqualTo(events);
    }
}
