package io.atc.edge.devices;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.atc.edge.support.DeviceApi;
import io.atc.edge.support.EdgeBridgeTestResources;
import io.atc.edge.support.RegisteredDevice;
import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Synthetic-organisation test 1 for devices: a caller of tenant A cannot list the devices of B's
 * site, nor read B's device, whether it names B's site or one of its own (404: existence does not
 * leak); B reads its own device.
 * Breaks when: a device query is not confined to the caller's tenant (checked once: with the
 * edge.devices policy turned into {@code using (true)}, A read B's device by id).
 */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
class DevicesApiCrossTenantReadsAreDeniedTests {

    private static SyntheticOrganisations orgs;
    private static RegisteredDevice bDevice;

    @BeforeAll
    static void organisations() {
        orgs = SyntheticOrganisations.in(TestDatabase.shared());
    }

    /** Registered through the API, which answers only once Quarkus has set up the test's HTTP port. */
    @BeforeEach
    void deviceOfB() {
        if (bDevice == null) {
            bDevice = DeviceApi.register(
                    orgs.b().tenantId(), orgs.b().siteIds().get(0), DeviceApi.uniqueName("B private"));
        }
    }

    @Test
    void anotherTenantsSiteHasNoDeviceListForTheCaller() {
        given().auth()
                .oauth2(asA())
                .get("/v1/sites/{siteId}/devices", bDevice.siteId())
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:atc:problem:not-found"));

        List<String> listedToB = given().auth()
                .oauth2(InternalTokens.forTenant(orgs.b().tenantId()))
                .queryParam("limit", 200)
                .get("/v1/sites/{siteId}/devices", bDevice.siteId())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id", String.class);
        assertThat(listedToB).contains(bDevice.id().toString());
    }

    @Test
    void anotherTenantsDeviceIsNotFoundById() {
        for (UUID site : List.of(bDevice.siteId(), orgs.a().siteIds().get(0))) {
            given().auth()
                    .oauth2(asA())
                    .get("/v1/sites/{siteId}/devices/{id}", site, bDevice.id())
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:atc:problem:not-found"));
        }
    }

    @Test
    void theOwnerReadsItsDevice() {
        given().auth()
                .oauth2(InternalTokens.forTenant(orgs.b().tenantId()))
                .get("/v1/sites/{siteId}/devices/{id}", bDevice.siteId(), bDevice.id())
                .then()
                .statusCode(200)
                .body("id", equalTo(bDevice.id().toString()));
    }

    private static String asA() {
        return InternalTokens.forTenant(orgs.a().tenantId());
    }
}
