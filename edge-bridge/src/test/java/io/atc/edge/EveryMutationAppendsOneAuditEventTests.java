package io.atc.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.atc.edge.support.EdgeBridgeTestResources;
import io.atc.testkit.audit.AuditTrail;
import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.orgs.SyntheticOrganisation;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Every mutating endpoint this service declares appends exactly one audit event. The list of
 * calls must cover the OpenAPI document, so a new endpoint without an entry here fails the build.
 * Breaks when: a mutation bypasses TenantTransactions.mutate, or appends more than once.
 */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
class EveryMutationAppendsOneAuditEventTests {

    @Test
    void eachMutatingEndpointAppendsExactlyOneEvent() {
        SyntheticOrganisation org = SyntheticOrganisations.create(TestDatabase.shared(), "Audited edge org");
        String token = InternalTokens.forTenant(org.tenantId());
        String[] created = new String[1];
        String[] device = new String[1];
        String site = org.siteIds().get(0).toString();
        Map<String, Supplier<Response>> calls = new LinkedHashMap<>();
        calls.put("POST /v1/sites", () -> {
            Response response = given().auth()
                    .oauth2(token)
                    .contentType("application/json")
                    .body("{\"name\":\"Audited\"}")
                    .post("/v1/sites");
            created[0] = response.path("id");
            return response;
        });
        calls.put("PUT /v1/sites/{siteId}", () -> given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{\"name\":\"Audited 2\"}")
                .put("/v1/sites/{id}", created[0]));
        calls.put(
                "DELETE /v1/sites/{siteId}", () -> given().auth().oauth2(token).delete("/v1/sites/{id}", created[0]));
        calls.put("POST /v1/sites/{siteId}/devices", () -> {
            Response response = given().auth()
                    .oauth2(token)
                    .contentType("application/json")
                    .body("{\"name\":\"Audited\"}")
                    .post("/v1/sites/{siteId}/devices", site);
            device[0] = response.path("device.id");
            return response;
        });
        calls.put("POST /v1/sites/{siteId}/devices/{deviceId}/certificates", () -> given().auth()
                .oauth2(token)
                .contentType("application/json")
                .post("/v1/sites/{siteId}/devices/{id}/certificates", site, device[0]));
        calls.put("DELETE /v1/sites/{siteId}/devices/{deviceId}/certificates", () -> given().auth()
                .oauth2(token)
                .delete("/v1/sites/{siteId}/devices/{id}/certificates", site, device[0]));
        calls.put("PATCH /v1/sites/{siteId}/devices/{deviceId}", () -> given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{\"name\":\"Audited 2\",\"enabled\":false}")
                .patch("/v1/sites/{siteId}/devices/{id}", site, device[0]));
        calls.put(
                "POST /v1/sites/{siteId}/devices/{deviceId}/password",
                () -> given().auth().oauth2(token).post("/v1/sites/{siteId}/devices/{id}/password", site, device[0]));
        calls.put(
                "DELETE /v1/sites/{siteId}/devices/{deviceId}",
                () -> given().auth().oauth2(token).delete("/v1/sites/{siteId}/devices/{id}", site, device[0]));
        calls.put("PUT /v1/devices/transport-policy", () -> given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{\"policy\":\"certificate-only\"}")
                .put("/v1/devices/transport-policy"));

        assertThat(calls.keySet()).containsExactlyInAnyOrderElementsOf(AuditTrail.declaredMutatingOperations());
        calls.forEach((operation, call) -> {
            long before = AuditTrail.eventCount(org.tenantId());
            assertThat(call.get().statusCode()).as(operation).isBetween(200, 299);
            assertThat(AuditTrail.eventCount(org.tenantId())).as(operation).isEqualTo(before + 1);
        });
    }
}
