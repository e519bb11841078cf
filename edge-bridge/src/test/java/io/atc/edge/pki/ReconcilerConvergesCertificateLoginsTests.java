package io.atc.edge.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.atc.edge.broker.BrokerReconciler;
import io.atc.edge.broker.DeviceIdentity;
import io.atc.edge.broker.ReconcileReport;
import io.atc.edge.support.BrokerAdmin;
import io.atc.edge.support.DeviceApi;
import io.atc.edge.support.DeviceRows;
import io.atc.edge.support.EdgeBridgeTestResources;
import io.atc.edge.support.RegisteredDevice;
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
 * A certificate login (the dynsec client named by a device certificate's subject) exists at the
 * broker for exactly the enabled devices that hold a valid certificate. Here the database and the
 * broker drift apart behind the bridge's back: a login lost at the broker, certificates revoked in
 * SQL, devices disabled, enabled and deleted in SQL, and a login made up for a device that has no
 * certificate; one reconciliation repairs all of it.
 * Breaks when: the reconciler removes no certificate login (checked: the login of the certificate
 * revoked in SQL stayed), or creates none (checked: the lost login stayed lost).
 */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
class ReconcilerConvergesCertificateLoginsTests {

    @Inject
    BrokerReconciler reconciler;

    @Test
    void certificateLoginsFollowTheDevicesValidCertificates() {
        SyntheticOrganisation org = SyntheticOrganisations.create(TestDatabase.shared(), "Reconciled PKI org");
        RegisteredDevice lost = DeviceApi.registerAt(org, 0);
        JsonPath lostCertificate = DeviceCertificatesApi.issue(lost);
        RegisteredDevice revoked = certified(org);
        RegisteredDevice disabled = certified(org);
        RegisteredDevice enabled = certified(org);
        RegisteredDevice deleted = certified(org);
        RegisteredDevice untouched = certified(org);
        DeviceApi.patch(enabled, "{\"enabled\":false}").then().statusCode(200);
        String madeUp =
                new DeviceIdentity(org.tenantId(), org.siteIds().get(0), UUID.randomUUID()).certificateUsername();

        BrokerAdmin.require(BrokerAdmin.command("deleteClient").put("username", lost.certificateUsername()));
        DeviceRows.revokeCertificate(revoked);
        DeviceRows.setEnabled(disabled, false);
        DeviceRows.setEnabled(enabled, true);
        DeviceRows.delete(deleted);
        BrokerAdmin.require(BrokerAdmin.command("createClient")
                .put("username", madeUp)
                .put("roles", new JsonArray().add(new JsonObject().put("rolename", untouched.username()))));

        ReconcileReport report = reconciler.reconcile().await().atMost(Duration.ofSeconds(30));

        assertThat(BrokerAdmin.clientExists(lost.certificateUsername()))
                .as("lost at the broker")
                .isTrue();
        assertThat(BrokerAdmin.clientExists(revoked.certificateUsername()))
                .as("revoked in SQL")
                .isFalse();
        assertThat(BrokerAdmin.clientExists(disabled.certificateUsername()))
                .as("disabled in SQL")
                .isFalse();
        assertThat(BrokerAdmin.clientExists(enabled.certificateUsername()))
                .as("enabled in SQL")
                .isTrue();
        assertThat(BrokerAdmin.clientExists(deleted.certificateUsername()))
                .as("deleted in SQL")
                .isFalse();
        assertThat(BrokerAdmin.roleExists(deleted.username()))
                .as("the deleted device's role")
                .isFalse();
        assertThat(BrokerAdmin.clientExists(untouched.certificateUsername()))
                .as("untouched")
                .isTrue();
        assertThat(BrokerAdmin.clientExists(madeUp))
                .as("a login for a device without a certificate")
                .isFalse();
        assertThat(report.certificateLoginsCreated()).isGreaterThanOrEqualTo(2);
        assertThat(report.certificateLoginsRemoved()).isGreaterThanOrEqualTo(4);
        try (TestMqttClient watcher = BrokerAdmin.admin();
                TestMqttClient device = BrokerAdmin.connectTls(DeviceCertificatesApi.identity(lostCertificate))) {
            assertThat(watcher.subscribe(lost.topic("#"))).containsExactly(1);
            device.publish(lost.topic("events"), "{\"login\":\"recreated\"}");
            assertThat(watcher.nextMessage().payload())
                    .as("the recreated login has the device's rights")
                    .isEqualTo("{\"login\":\"recreated\"}");
        }
    }

    private static RegisteredDevice certified(SyntheticOrganisation org) {
        RegisteredDevice device = DeviceApi.registerAt(org, 0);
        DeviceCertificatesApi.issue(device);
        return device;
    }
}
