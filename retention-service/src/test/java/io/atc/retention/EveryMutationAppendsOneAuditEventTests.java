package io.atc.retention;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.atc.core.blobs.BlobStore;
import io.atc.retention.support.PurgeTestResources;
import io.atc.retention.support.RetentionApi;
import io.atc.retention.support.StoredHistory;
import io.atc.testkit.audit.AuditTrail;
import io.atc.testkit.identity.InternalTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Every mutating endpoint this service declares appends exactly one audit event. The list of
 * calls must cover the OpenAPI document, so a new endpoint without an entry here fails the build.
 * Breaks when: a mutation bypasses TenantTransactions.mutate, or appends more than once (an erasure's
 * batches appending their own events, say).
 */
@QuarkusTest
@QuarkusTestResource(PurgeTestResources.class)
class EveryMutationAppendsOneAuditEventTests {

    @Inject
    BlobStore blobs;

    @Test
    void eachMutatingEndpointAppendsExactlyOneEvent() {
        StoredHistory history = StoredHistory.newTenant("Audited retention org", blobs);
        UUID tenant = history.tenantId();
        UUID site = history.site(0);
        UUID device = UUID.randomUUID();
        history.events(history.site(1), device, 7, Duration.ofDays(1));
        String admin = InternalTokens.forTenant(tenant, "admin");
        UUID[] hold = new UUID[1];
        Map<String, Supplier<Response>> calls = new LinkedHashMap<>();
        calls.put(
                "PUT /v1/sites/{siteId}/retention",
                () -> RetentionApi.putSite(tenant, site, "{\"eventsDays\":7,\"imagesDays\":null}"));
        calls.put(
                "PUT /v1/retention/defaults",
                () -> RetentionApi.putTenantDefault(tenant, "{\"eventsDays\":90,\"imagesDays\":14}"));
        calls.put("POST /v1/retention/holds", () -> {
            Response response =
                    RetentionApi.setHold(tenant, "{\"siteId\":\"" + site + "\",\"reason\":\"audited hold\"}");
            hold[0] = UUID.fromString(response.path("holdId"));
            return response;
        });
        calls.put("DELETE /v1/retention/holds/{holdId}", () -> RetentionApi.releaseHold(tenant, hold[0]));
        calls.put("POST /v1/erasures", () -> given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body("{\"deviceId\":\"" + device + "\",\"reason\":\"audited\"}")
                .post("/v1/erasures"));

        assertThat(calls.keySet()).containsExactlyInAnyOrderElementsOf(AuditTrail.declaredMutatingOperations());
        calls.forEach((operation, call) -> {
            long before = AuditTrail.eventCount(tenant);
            assertThat(call.get().statusCode()).as(operation).isBetween(200, 299);
            assertThat(AuditTrail.eventCount(tenant)).as(operation).isEqualTo(before + 1);
        });
    }
}
