package io.atc.edge.broker;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.atc.edge.support.BrokerAdmin;
import io.atc.edge.support.DeviceApi;
import io.atc.edge.support.DeviceRows;
import io.atc.edge.support.EdgeBridgeTestResources;
import io.atc.edge.support.Eventually;
import io.atc.edge.support.RegisteredDevice;
import io.atc.testkit.audit.AuditTrail;
import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.orgs.SyntheticOrganisation;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A device change happens at the broker and in the database, or nowhere: when the broker is down
 * or does not answer, the caller gets a 503 problem and the database keeps no device row, no
 * changed flag and no audit event. The bridge reaches the broker through a link the test cuts.
 * Breaks when: a broker failure does not fail the transaction (checked once: with the provisioning
 * failure ignored, every registration here answered 201 and left a device row).
 */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
class BrokerOutageLeavesNothingHalfDoneTests {

    @Inject
    DynamicSecurityClient broker;

    private SyntheticOrganisation org;
    private UUID site;

    @BeforeEach
    void freshTenant() {
        org = SyntheticOrganisations.create(TestDatabase.shared(), "Outage org");
        site = org.siteIds().get(0);
        awaitBrokerConnection();
    }

    @AfterEach
    void brokerBack() {
        EdgeBridgeTestResources.link().restore();
        awaitBrokerConnection();
    }

    @Test
    void registrationDuringABrokerOutageIsA503AndLeavesNoDevice() {
        long eventsBefore = AuditTrail.eventCount(org.tenantId());
        EdgeBridgeTestResources.link().cut();
        Eventually.within(Duration.ofSeconds(5), "the bridge notices the outage", () -> !broker.isConnected());

        assertUnavailable(register("During outage"));

        assertThat(DeviceRows.count(org.tenantId())).isZero();
        assertThat(AuditTrail.eventCount(org.tenantId())).isEqualTo(eventsBefore);
    }

    @Test
    void registrationWhenTheBrokerDoesNotAnswerIsA503AndLeavesNoDevice() {
        long eventsBefore = AuditTrail.eventCount(org.tenantId());
        EdgeBridgeTestResources.link().silence();

        assertUnavailable(register("Unanswered"));

        assertThat(DeviceRows.count(org.tenantId())).isZero();
        assertThat(AuditTrail.eventCount(org.tenantId())).isEqualTo(eventsBefore);
    }

    @Test
    void disablingDeletingAndResettingDuringAnOutageChangeNothing() {
        RegisteredDevice device = DeviceApi.register(org.tenantId(), site, DeviceApi.uniqueName("Kept"));
        long eventsBefore = AuditTrail.eventCount(org.tenantId());
        EdgeBridgeTestResources.link().cut();
        Eventually.within(Duration.ofSeconds(5), "the bridge notices the outage", () -> !broker.isConnected());

        assertUnavailable(DeviceApi.patch(device, "{\"enabled\":false}"));
        assertUnavailable(DeviceApi.delete(device));
        assertUnavailable(given().auth()
                .oauth2(InternalTokens.forTenant(org.tenantId()))
                .post("/v1/sites/{siteId}/devices/{id}/password", site, device.id()));

        assertThat(AuditTrail.eventCount(org.tenantId())).isEqualTo(eventsBefore);
        given().auth()
                .oauth2(InternalTokens.forTenant(org.tenantId()))
                .get("/v1/sites/{siteId}/devices/{id}", site, device.id())
                .then()
                .statusCode(200)
                .body("enabled", equalTo(true));
        assertThat(BrokerAdmin.accepts(device))
                .as("the broker still knows the device and its password")
                .isTrue();
    }

    @Test
    void registrationWorksAgainOnceTheBrokerIsBack() {
        EdgeBridgeTestResources.link().cut();
        Eventually.within(Duration.ofSeconds(5), "the bridge notices the outage", () -> !broker.isConnected());
        assertUnavailable(register("Before"));

        EdgeBridgeTestResources.link().restore();
        awaitBrokerConnection();

        register("After").then().statusCode(201);
        assertThat(DeviceRows.count(org.tenantId())).isEqualTo(1);
    }

    private Response register(String name) {
        return given().auth()
                .oauth2(InternalTokens.forTenant(org.tenantId()))
                .contentType("application/json")
                .body("{\"name\":\"" + name + "\"}")
                .post("/v1/sites/{siteId}/devices", site);
    }

    private static void assertUnavailable(Response response) {
        response.then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:atc:problem:unavailable"))
                .body("detail", containsString("nothing was changed"))
                .body("detail", not(containsString("Exception")));
    }

    /** A command round trip, not just the connected flag: after a cut the bridge may not have noticed yet. */
    private void awaitBrokerConnection() {
        Eventually.within(Duration.ofSeconds(20), "the bridge's commands reach the broker again", () -> {
            try {
                broker.send(List.of(DynsecCommands.getDefaultAclAccess()))
                        .await()
                        .atMost(Duration.ofSeconds(3));
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        });
    }
}
