package io.atc.edge.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.atc.edge.pki.DeviceCertificatesApi;
import io.atc.edge.support.BrokerAdmin;
import io.atc.edge.support.DeviceApi;
import io.atc.edge.support.DeviceRows;
import io.atc.edge.support.EdgeBridgeTestResources;
import io.atc.edge.support.Eventually;
import io.atc.edge.support.RegisteredDevice;
import io.atc.edge.support.TransportPolicyApi;
import io.atc.testkit.mqtt.TestMqttClient;
import io.atc.testkit.orgs.SyntheticOrganisation;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The reconciler holds certificate-only tenants to their policy like every other identity: a
 * password client made by hand for such a tenant's device, and the password clients of a tenant
 * switched to certificate-only in SQL while the bridge was away, are deleted (their sessions
 * dropped); the devices' certificate logins and a default tenant's password clients stay.
 * Breaks when: the reconciler ignores the policy (checked once: with the password_login column
 * read as always true, the tenant switched in SQL kept its password client; nothing was removed).
 */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
class ReconcilerRemovesPasswordClientsOfCertificateOnlyTenantsTests {

    @Inject
    BrokerReconciler reconciler;

    @Test
    void aPasswordClientMadeByHandForACertificateOnlyDeviceIsRemoved() {
        SyntheticOrganisation org = SyntheticOrganisations.create(TestDatabase.shared(), "Stray password org");
        SyntheticOrganisation bystander = SyntheticOrganisations.create(TestDatabase.shared(), "Reconciled bystander");
        TransportPolicyApi.set(org.tenantId(), "certificate-only");
        RegisteredDevice device = DeviceApi.registerAt(org, 0);
        JsonPath issued = DeviceCertificatesApi.issue(device);
        RegisteredDevice other = DeviceApi.registerAt(bystander, 0);
        RegisteredDevice stray = device.withPassword("a-password-made-by-hand-1234567");
        BrokerAdmin.require(BrokerAdmin.command("createClient")
                .put("username", stray.username())
                .put("password", stray.password())
                .put("roles", new JsonArray().add(new JsonObject().put("rolename", stray.username()))));
        assertThat(BrokerAdmin.accepts(stray)).isTrue();

        ReconcileReport report;
        try (TestMqttClient straySession = BrokerAdmin.connect(stray)) {
            report = reconciler.reconcile().await().atMost(Duration.ofSeconds(30));

            Eventually.within(
                    Duration.ofSeconds(5), "the stray password session is dropped", () -> !straySession.isConnected());
        }

        assertThat(report.passwordLoginsRemoved()).isGreaterThanOrEqualTo(1);
        assertThat(BrokerAdmin.clientExists(stray.username())).isFalse();
        assertThat(BrokerAdmin.accepts(stray)).isFalse();
        assertThat(BrokerAdmin.roleExists(device.username())).isTrue();
        assertThat(BrokerAdmin.accepts(other)).isTrue();
        try (TestMqttClient overTls = BrokerAdmin.connectTls(DeviceCertificatesApi.identity(issued))) {
            assertThat(overTls.isConnected()).isTrue();
        }
        assertThat(reconciler.reconcile().await().atMost(Duration.ofSeconds(30)).passwordLoginsRemoved())
                .isZero();
    }

    @Test
    void aSwitchMadeInSqlIsEnforcedAtTheNextReconciliation() {
        SyntheticOrganisation org = SyntheticOrganisations.create(TestDatabase.shared(), "Switched in SQL org");
        RegisteredDevice device = DeviceApi.registerAt(org, 0);
        assertThat(BrokerAdmin.accepts(device)).isTrue();

        DeviceRows.setTransportPolicy(org.tenantId(), "certificate-only");
        ReconcileReport report = reconciler.reconcile().await().atMost(Duration.ofSeconds(30));

        assertThat(report.passwordLoginsRemoved()).isGreaterThanOrEqualTo(1);
        assertThat(BrokerAdmin.accepts(device)).isFalse();
        assertThat(report.passwordResetNeeded()).doesNotContain(device.id());
    }
}
