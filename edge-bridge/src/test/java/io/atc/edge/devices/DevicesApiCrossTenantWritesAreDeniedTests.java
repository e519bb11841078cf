package io.atc.edge.devices;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.atc.edge.support.BrokerAdmin;
import io.atc.edge.support.DeviceApi;
import io.atc.edge.support.DeviceRows;
import io.atc.edge.support.EdgeBridgeTestResources;
import io.atc.edge.support.RegisteredDevice;
import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Synthetic-organisation test 2 for devices: A cannot register a device at B's site, nor rename,
 * disable, delete or reset the password of B's device (404 every time), and afterwards B's device
 * is unchanged in the database and at the broker: it still logs in with its password.
 * Breaks when: a device mutation is not confined to the caller's tenant (checked once: with the
 * edge.devices policy turned into {@code using (true) with check (true)}, A's rename of B's
 * device answered 200).
 */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
class DevicesApiCrossTenantWritesAreDeniedTests {

    private static SyntheticOrganisations orgs;

    @BeforeAll
    static void organisations() {
        orgs = SyntheticOrganisations.in(TestDatabase.shared());
    }

    @Test
    void registeringAtAnotherTenantsSiteIsNotFoundAndCreatesNothing() {
        long aDevices = DeviceRows.count(orgs.a().tenantId());
        long bDevices = DeviceRows.count(orgs.b().tenantId());

        given().auth()
                .oauth2(asA())
                .contentType("application/json")
                .body("{\"name\":\"planted\"}")
                .post("/v1/sites/{siteId}/devices", orgs.b().siteIds().get(1))
                .then()
                .statusCode(404);

        assertThat(DeviceRows.count(orgs.a().tenantId())).isEqualTo(aDevices);
        assertThat(DeviceRows.count(orgs.b().tenantId())).isEqualTo(bDevices);
    }

    @Test
    void changingAnotherTenantsDeviceIsNotFoundAndChangesNothing() {
        RegisteredDevice bDevice =
                DeviceApi.register(orgs.b().tenantId(), orgs.b().siteIds().get(1), DeviceApi.uniqueName("B gate"));
        String before = readAsB(bDevice).prettify();

        for (UUID site : List.of(bDevice.siteId(), orgs.a().siteIds().get(1))) {
            given().auth()
                    .oauth2(asA())
                    .contentType("application/json")
                    .body("{\"name\":\"taken over\",\"enabled\":false}")
                    .patch("/v1/sites/{siteId}/devices/{id}", site, bDevice.id())
                    .then()
                    .statusCode(404);
            given().auth()
                    .oauth2(asA())
                    .post("/v1/sites/{siteId}/devices/{id}/password", site, bDevice.id())
                    .then()
                    .statusCode(404);
            given().auth()
                    .oauth2(asA())
                    .delete("/v1/sites/{siteId}/devices/{id}", site, bDevice.id())
                    .then()
                    .statusCode(404);
        }

        assertThat(readAsB(bDevice).prettify()).isEqualTo(before);
        assertThat(BrokerAdmin.accepts(bDevice))
                .as("B's device still logs in with its password")
                .isTrue();
    }

    private static JsonPath readAsB(RegisteredDevice device) {
        return given().auth()
                .oauth2(InternalTokens.forTenant(orgs.b().tenantId()))
                .get("/v1/sites/{siteId}/devices/{id}", device.siteId(), device.id())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static String asA() {
        return InternalTokens.forTenant(orgs.a().tenantId());
    }
}
