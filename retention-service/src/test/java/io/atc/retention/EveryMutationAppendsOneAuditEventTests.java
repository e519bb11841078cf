package io.atc.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.atc.retention.support.RetentionApi;
import io.atc.testkit.audit.AuditTrail;
import io.atc.testkit.orgs.SyntheticOrganisation;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.atc.testkit.quarkus.RetentionServiceTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Every mutating endpoint this service declares appends exactly one audit event. The list of
 * calls must cover the OpenAPI document, so a new endpoint without an entry here fails the build.
 * Breaks when: a mutation bypasses TenantTransactions.mutate, or appends more than once.
 */
@QuarkusTest
@QuarkusTestResource(RetentionServiceTestResources.class)
class EveryMutationAppendsOneAuditEventTests {

    @Test
    void eachMutatingEndpointAppendsExactlyOneEvent() {
        SyntheticOrganisation org = SyntheticOrganisations.create(TestDatabase.shared(), "Audited retention org");
        UUID site = org.siteIds().get(0);
        UUID[] hold = new UUID[1];
        Map<String, Supplier<Response>> calls = new LinkedHashMap<>();
        calls.put(
                "PUT /v1/sites/{siteId}/retention",
                () -> RetentionApi.putSite(org.tenantId(), site, "{\"eventsDays\":7,\"imagesDays\":null}"));
        calls.put(
                "PUT /v1/retention/defaults",
                () -> RetentionApi.putTenantDefault(org.tenantId(), "{\"eventsDays\":90,\"imagesDays\":14}"));
        calls.put("POST /v1/retention/holds", () -> {
            Response response =
                    RetentionApi.setHold(org.tenantId(), "{\"siteId\":\"" + site + "\",\"reason\":\"audited hold\"}");
            hold[0] = UUID.fromString(response.path("holdId"));
            return response;
        });
        calls.put("DELETE /v1/retention/holds/{holdId}", () -> RetentionApi.releaseHold(org.tenantId(), hold[0]));

        assertThat(calls.keySet()).containsExactlyInAnyOrderElementsOf(AuditTrail.declaredMutatingOperations());
        calls.forEach((operation, call) -> {
            long before = AuditTrail.eventCount(org.tenantId());
            assertThat(call.get().statusCode()).as(operation).isBetween(200, 299);
            assertThat(AuditTrail.eventCount(org.tenantId())).as(operation).isEqualTo(before + 1);
        });
    }
}
