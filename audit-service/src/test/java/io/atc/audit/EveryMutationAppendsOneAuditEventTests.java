package io.atc.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.atc.core.tenancy.TenantTransactions;
import io.atc.testkit.audit.AuditTrail;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Every mutating endpoint of the audit service appends exactly one audit event, and its one
 * read-only POST (verify) appends none. The calls must cover the OpenAPI document.
 */
@QuarkusTest
@QuarkusTestResource(AuditServiceTestResources.class)
class EveryMutationAppendsOneAuditEventTests {

    private static final Set<String> READ_ONLY = Set.of("POST /v1/audit/verify");

    @Inject
    TenantTransactions transactions;

    @Test
    void eachMutatingEndpointAppendsExactlyOneEventAndVerifyAppendsNone() {
        AuditedTenant tenant = AuditedTenant.withEvents(transactions, 2);
        Map<String, Supplier<Response>> mutations = Map.of("POST /v1/audit/erasures", () -> given().auth()
                .oauth2(tenant.token())
                .contentType("application/json")
                .body("{\"eventSeqs\":[1],\"reason\":\"test\"}")
                .post("/v1/audit/erasures"));

        assertThat(AuditTrail.declaredMutatingOperations())
                .containsExactlyInAnyOrderElementsOf(union(mutations.keySet(), READ_ONLY));
        mutations.forEach((operation, call) -> {
            long before = AuditTrail.eventCount(tenant.id());
            assertThat(call.get().statusCode()).as(operation).isBetween(200, 299);
            assertThat(AuditTrail.eventCount(tenant.id())).as(operation).isEqualTo(before + 1);
        });
        long before = AuditTrail.eventCount(tenant.id());
        given().auth().oauth2(tenant.token()).post("/v1/audit/verify").then().statusCode(200);
        assertThat(AuditTrail.eventCount(tenant.id())).isEqualTo(before);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.Set<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
