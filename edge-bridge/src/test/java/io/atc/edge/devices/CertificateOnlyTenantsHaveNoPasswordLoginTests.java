package io.atc.edge.devices;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.atc.edge.pki.DeviceCertificatesApi;
import io.atc.edge.support.BrokerAdmin;
import io.atc.edge.support.DeviceApi;
import io.atc.edge.support.EdgeBridgeTestResources;
import io.atc.edge.support.Eventually;
import io.atc.edge.support.RegisteredDevice;
import io.atc.edge.support.TransportPolicyApi;
import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.mqtt.TestMqttClient;
import io.atc.testkit.orgs.SyntheticOrganisation;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * A tenant whose transport policy is certificate-only has no password login at the real broker:
 * a device registered then shows no password and gets no password client, a password reset is a
 * 409 naming the policy, and the switch deletes every existing password client at once, dropping
 * live password sessions. Its certificates keep working on the mTLS listener. A tenant with the
 * default policy is untouched throughout. Switching back gives no old password back: a device logs
 * in with a password again only after a reset.
 * Breaks when: the policy is ignored at registration or at the switch (checked once each: with
 * registration always making a password, the response carried mqttPassword; with the switch's
 * broker step left out, the live password session stayed connected past 5 s and, after switching
 * back, the old password still logged in). On main the policy endpoint does not exist (404).
 */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
class CertificateOnlyTenantsHaveNoPasswordLoginTests {

    private static final Duration PROMPTLY = Duration.ofSeconds(5);

    @Test
    void aDeviceRegisteredUnderCertificateOnlyHasNoPasswordButItsCertificateLogsIn() {
        SyntheticOrganisation org = SyntheticOrganisations.create(TestDatabase.shared(), "Certificate-only org");
        TransportPolicyApi.set(org.tenantId(), "certificate-only");

        Response registered = given().auth()
                .oauth2(InternalTokens.forTenant(org.tenantId(), "devices:write"))
                .contentType("application/json")
                .body("{\"name\":\"" + DeviceApi.uniqueName("Cert only") + "\"}")
                .post("/v1/sites/{siteId}/devices", org.siteIds().get(0));
        registered.then().statusCode(201);
        assertThat(registered.jsonPath().getMap("$")).doesNotContainKey("mqttPassword");
        RegisteredDevice device = new RegisteredDevice(
                org.tenantId(),
                org.siteIds().get(0),
                UUID.fromString(registered.path("device.id")),
                registered.path("mqttUsername"),
                null);

        assertThat(BrokerAdmin.clientExists(device.username())).isFalse();
        assertThat(BrokerAdmin.accepts(device.username(), "")).isFalse();
        given().auth()
                .oauth2(InternalTokens.forTenant(org.tenantId(), "devices:write"))
                .post("/v1/sites/{siteId}/devices/{id}/password", device.siteId(), device.id())
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("certificate-only"))
                .body("$", not(hasKey("mqttPassword")));
        assertThat(BrokerAdmin.clientExists(device.username())).isFalse();

        JsonPath issued = DeviceCertificatesApi.issue(device);
        try (TestMqttClient watcher = BrokerAdmin.admin();
                TestMqttClient overTls = BrokerAdmin.connectTls(DeviceCertificatesApi.identity(issued))) {
            assertThat(watcher.subscribe("atc/" + org.tenantId() + "/#")).containsExactly(1);
            overTls.publish(device.topic("events"), "{\"over\":\"mTLS\"}");
            assertThat(watcher.nextMessage())
                    .isEqualTo(new TestMqttClient.Message(device.topic("events"), "{\"over\":\"mTLS\"}"));
        }
    }

    @Test
    void switchingToCertificateOnlyKicksPasswordSessionsAndLeavesOtherTenantsAlone() {
        SyntheticOrganisation switching = SyntheticOrganisations.create(TestDatabase.shared(), "Switching org");
        SyntheticOrganisation bystander = SyntheticOrganisations.create(TestDatabase.shared(), "Bystander org");
        RegisteredDevice device = DeviceApi.registerAt(switching, 0);
        RegisteredDevice disabled = DeviceApi.registerAt(switching, 0);
        DeviceApi.patch(disabled, "{\"enabled\":false}").then().statusCode(200);
        RegisteredDevice other = DeviceApi.registerAt(bystander, 0);
        JsonPath issued = DeviceCertificatesApi.issue(device);

        try (TestMqttClient passwordSession = BrokerAdmin.connect(device);
                TestMqttClient certificateSession = BrokerAdmin.connectTls(DeviceCertificatesApi.identity(issued));
                TestMqttClient otherSession = BrokerAdmin.connect(other)) {
            TransportPolicyApi.set(switching.tenantId(), "certificate-only");

            Eventually.within(PROMPTLY, "the password session is disconnected", () -> !passwordSession.isConnected());
            assertThat(certificateSession.isConnected()).isTrue();
            assertThat(otherSession.isConnected()).isTrue();
        }
        assertThat(BrokerAdmin.accepts(device)).isFalse();
        assertThat(BrokerAdmin.clientExists(device.username())).isFalse();
        assertThat(BrokerAdmin.clientExists(disabled.username())).isFalse();
        assertThat(BrokerAdmin.accepts(other)).isTrue();
        assertThat(TransportPolicyApi.current(switching.tenantId())).isEqualTo("certificate-only");
        assertThat(TransportPolicyApi.current(bystander.tenantId())).isEqualTo("password-or-certificate");
        try (TestMqttClient again = BrokerAdmin.connectTls(DeviceCertificatesApi.identity(issued))) {
            assertThat(again.isConnected()).isTrue();
        }
        DeviceApi.resetPassword(other);
    }

    @Test
    void switchingBackToPasswordsBringsNoOldPasswordBack() {
        SyntheticOrganisation org = SyntheticOrganisations.create(TestDatabase.shared(), "Switching back org");
        RegisteredDevice device = DeviceApi.registerAt(org, 0);
        RegisteredDevice disabled = DeviceApi.registerAt(org, 0);
        DeviceApi.patch(disabled, "{\"enabled\":false}").then().statusCode(200);
        TransportPolicyApi.set(org.tenantId(), "certificate-only");

        TransportPolicyApi.set(org.tenantId(), "password-or-certificate");

        assertThat(BrokerAdmin.accepts(device)).isFalse();
        assertThat(BrokerAdmin.accepts(disabled)).isFalse();
        RegisteredDevice reset = DeviceApi.resetPassword(device);
        assertThat(BrokerAdmin.accepts(reset)).isTrue();
        RegisteredDevice resetButDisabled = DeviceApi.resetPassword(disabled);
        assertThat(BrokerAdmin.accepts(resetButDisabled)).isFalse();
        DeviceApi.patch(disabled, "{\"enabled\":true}").then().statusCode(200);
        assertThat(BrokerAdmin.accepts(resetButDisabled)).isTrue();
        RegisteredDevice registeredAfter = DeviceApi.registerAt(org, 0);
        assertThat(registeredAfter.password()).isNotBlank();
        assertThat(BrokerAdmin.accepts(registeredAfter)).isTrue();
    }
}
