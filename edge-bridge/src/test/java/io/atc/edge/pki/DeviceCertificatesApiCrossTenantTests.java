package io.atc.edge.pki;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.atc.edge.support.BrokerAdmin;
import io.atc.edge.support.DeviceApi;
import io.atc.edge.support.EdgeBridgeTestResources;
import io.atc.edge.support.RegisteredDevice;
import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Tenant A cannot have a certificate issued for, or revoke the certificates of, tenant B's device:
 * whether A names B's site or its own, B's device is not found (404), and nothing changes for B.
 * Breaks when: the device lookup reads across tenants (checked by looking the device up through
 * edge.device_directory() instead of edge.devices under RLS: A then gets a certificate for B's device).
 */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
class DeviceCertificatesApiCrossTenantTests {

    @Test
    void anotherTenantsDeviceIsNotFoundAndKeepsItsCertificates() throws SQLException {
        SyntheticOrganisations orgs = SyntheticOrganisations.in(TestDatabase.shared());
        RegisteredDevice deviceOfB = DeviceApi.registerAt(orgs.b(), 0);
        String serialOfB = DeviceCertificatesApi.issue(deviceOfB).getString("serial");
        String tokenOfA = InternalTokens.forTenant(orgs.a().tenantId(), "devices:write");
        String viaBsSite = DeviceCertificatesApi.path(deviceOfB);
        String viaAsSite = "/v1/sites/" + orgs.a().siteIds().get(0) + "/devices/" + deviceOfB.id() + "/certificates";

        for (String path : new String[] {viaBsSite, viaAsSite}) {
            given().auth()
                    .oauth2(tokenOfA)
                    .contentType("application/json")
                    .post(path)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
            given().auth().oauth2(tokenOfA).delete(path).then().statusCode(404).contentType("application/problem+json");
        }

        assertThat(activeSerials(orgs.b().tenantId(), deviceOfB.id())).containsExactly(serialOfB);
        assertThat(BrokerAdmin.clientExists(deviceOfB.certificateUsername())).isTrue();
    }

    private static java.util.List<String> activeSerials(UUID tenant, UUID device) throws SQLException {
        try (Connection app = TestDatabase.shared().connectAsApp()) {
            app.setAutoCommit(false);
            SyntheticOrganisations.bindTenant(app, tenant);
            try (PreparedStatement query = app.prepareStatement(
                    "select serial from edge.device_certificates where device_id = ? and revoked_at is null")) {
                query.setObject(1, device);
                java.util.List<String> serials = new java.util.ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        serials.add(rows.getString(1));
                    }
                }
                return serials;
            } finally {
                app.rollback();
            }
        }
    }
}
