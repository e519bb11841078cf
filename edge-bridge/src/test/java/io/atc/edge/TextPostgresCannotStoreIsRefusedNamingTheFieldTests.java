package io.atc.edge;

import static io.atc.testkit.sweep.RefusedText.assertRefusedNaming;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.atc.edge.support.DeviceApi;
import io.atc.edge.support.DeviceRows;
import io.atc.edge.support.EdgeBridgeTestResources;
import io.atc.edge.support.RegisteredDevice;
import io.atc.testkit.audit.AuditTrail;
import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.orgs.SyntheticOrganisation;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.atc.testkit.sweep.HostileText;
import io.atc.testkit.sweep.RefusedText;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The reported cases: a site or device name with a NUL (or a lone surrogate) was a 500 with an
 * incident id (or, for a surrogate, silently stored as '?'). Each is now a 422 invalid-input naming
 * {@code name}, and nothing is written: no row, no rename, no audit event.
 * Breaks when: platform-core's StorableTextOnly is removed (seen: 500 for the NUL, 201 for the
 * surrogate) or its mapper answers without naming the field.
 */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
class TextPostgresCannotStoreIsRefusedNamingTheFieldTests {

    private static SyntheticOrganisation org;

    @BeforeAll
    static void tenant() {
        org = SyntheticOrganisations.create(TestDatabase.shared(), "Careless edge operator");
    }

    @Test
    void aSiteIsNeitherCreatedNorRenamedWithIt() {
        UUID site = org.siteIds().get(0);
        String nameBefore = given().auth()
                .oauth2(token())
                .get("/v1/sites/{id}", site)
                .then()
                .extract()
                .path("name");
        for (HostileText hostile : RefusedText.unstorable()) {
            long sites = sites();
            long events = AuditTrail.eventCount(org.tenantId());

            assertRefusedNaming(
                    given().auth()
                            .oauth2(token())
                            .contentType("application/json")
                            .body(nameIs(hostile))
                            .post("/v1/sites")
                            .then(),
                    "name");
            assertRefusedNaming(
                    given().auth()
                            .oauth2(token())
                            .contentType("application/json")
                            .body(nameIs(hostile))
                            .put("/v1/sites/{id}", site)
                            .then(),
                    "name");

            assertThat(sites()).as(hostile.name()).isEqualTo(sites);
            assertThat(AuditTrail.eventCount(org.tenantId())).as(hostile.name()).isEqualTo(events);
        }
        given().auth().oauth2(token()).get("/v1/sites/{id}", site).then().body("name", equalTo(nameBefore));
    }

    @Test
    void aDeviceIsNeitherRegisteredNorRenamedWithIt() {
        RegisteredDevice device = DeviceApi.registerAt(org, 1);
        for (HostileText hostile : RefusedText.unstorable()) {
            long devices = DeviceRows.count(org.tenantId());
            long events = AuditTrail.eventCount(org.tenantId());

            assertRefusedNaming(
                    given().auth()
                            .oauth2(token())
                            .contentType("application/json")
                            .body(nameIs(hostile))
                            .post("/v1/sites/{siteId}/devices", device.siteId())
                            .then(),
                    "name");
            assertRefusedNaming(
                    DeviceApi.patch(device, "{\"enabled\":false,\"name\":" + hostile.asJsonString() + "}")
                            .then(),
                    "name");

            assertThat(DeviceRows.count(org.tenantId())).as(hostile.name()).isEqualTo(devices);
            assertThat(AuditTrail.eventCount(org.tenantId())).as(hostile.name()).isEqualTo(events);
        }
        given().auth()
                .oauth2(token())
                .get("/v1/sites/{siteId}/devices/{id}", device.siteId(), device.id())
                .then()
                .statusCode(200)
                .body("enabled", equalTo(true));
    }

    private static String nameIs(HostileText hostile) {
        return "{\"name\":" + hostile.asJsonString() + "}";
    }

    private static long sites() {
        return SyntheticOrganisations.countAsTenant(org.tenantId(), "select count(*) from tenancy.sites");
    }

    private static String token() {
        return InternalTokens.forTenant(org.tenantId());
    }
}
