package io.atc.edge.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.atc.edge.support.BrokerAdmin;
import io.atc.edge.support.CapturedLog;
import io.atc.edge.support.DeviceApi;
import io.atc.edge.support.DeviceRows;
import io.atc.edge.support.EdgeBridgeTestResources;
import io.atc.edge.support.Eventually;
import io.atc.edge.support.RegisteredDevice;
import io.atc.testkit.mqtt.TestMqttClient;
import io.atc.testkit.orgs.SyntheticOrganisation;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The database is the truth; a reconciliation makes the broker's device clients match it. Here the
 * database and the broker drift apart behind the bridge's back (rows deleted and flipped directly,
 * as while the bridge was down; a client deleted at the broker; a client whose registration never
 * committed), then one reconciliation repairs all of it.
 * Breaks when: the reconciler skips a kind of repair (checked once: with client removals left out,
 * the device deleted while the bridge was down still logged in).
 */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
class ReconcilerConvergesTheBrokerToTheDatabaseTests {

    @Inject
    BrokerReconciler reconciler;

    @Test
    void devicesChangedWhileTheBridgeWasDownAreAlignedAtTheBroker() {
        SyntheticOrganisation org = SyntheticOrganisations.create(TestDatabase.shared(), "Reconciled org");
        RegisteredDevice deleted = register(org, "Deleted while down");
        RegisteredDevice disabled = register(org, "Disabled while down");
        RegisteredDevice enabled = register(org, "Enabled while down");
        RegisteredDevice lostByBroker = register(org, "Lost by the broker");
        RegisteredDevice untouched = register(org, "Untouched");
        DeviceApi.patch(enabled, "{\"enabled\":false}").then().statusCode(200);
        String neverCommitted = DeviceIdentity.usernameOf(UUID.randomUUID());
        String notADevice = "integration-" + UUID.randomUUID();

        DeviceRows.delete(deleted);
        DeviceRows.setEnabled(disabled, false);
        DeviceRows.setEnabled(enabled, true);
        BrokerAdmin.require(BrokerAdmin.command("deleteClient").put("username", lostByBroker.username()));
        BrokerAdmin.require(BrokerAdmin.command("createRole").put("rolename", neverCommitted));
        BrokerAdmin.require(BrokerAdmin.command("createClient")
                .put("username", neverCommitted)
                .put("password", "p")
                .put("roles", new JsonArray().add(new JsonObject().put("rolename", neverCommitted))));
        BrokerAdmin.require(
                BrokerAdmin.command("createClient").put("username", notADevice).put("password", "p"));
        assertThat(BrokerAdmin.accepts(deleted)).isTrue();
        assertThat(BrokerAdmin.accepts(disabled)).isTrue();
        assertThat(BrokerAdmin.accepts(enabled)).isFalse();
        assertThat(BrokerAdmin.accepts(lostByBroker)).isFalse();

        ReconcileReport report;
        try (TestMqttClient disabledSession = BrokerAdmin.connect(disabled);
                CapturedLog log = CapturedLog.of(BrokerReconciler.class)) {
            report = reconciler.reconcile().await().atMost(Duration.ofSeconds(30));

            Eventually.within(
                    Duration.ofSeconds(5), "the disabled device is disconnected", () -> !disabledSession.isConnected());
            assertThat(log.lines()).anySatisfy(line -> assertThat(line)
                    .contains(lostByBroker.id().toString())
                    .contains("reset the device's password"));
        }

        assertThat(BrokerAdmin.accepts(deleted)).as("deleted while down").isFalse();
        assertThat(BrokerAdmin.roleExists(deleted.username())).isFalse();
        assertThat(BrokerAdmin.accepts(disabled)).as("disabled while down").isFalse();
        assertThat(BrokerAdmin.accepts(enabled)).as("enabled while down").isTrue();
        assertThat(BrokerAdmin.accepts(untouched)).as("untouched").isTrue();
        assertThat(BrokerAdmin.clientExists(neverCommitted))
                .as("client of a registration that never committed")
                .isFalse();
        assertThat(BrokerAdmin.roleExists(neverCommitted)).isFalse();
        assertThat(BrokerAdmin.clientExists(notADevice))
                .as("clients that are not devices' are none of its business")
                .isTrue();

        assertThat(report.passwordResetNeeded()).contains(lostByBroker.id());
        assertThat(BrokerAdmin.clientExists(lostByBroker.username())).isTrue();
        assertThat(BrokerAdmin.accepts(lostByBroker))
                .as("nobody knows the recreated client's password")
                .isFalse();
        assertThat(BrokerAdmin.accepts(DeviceApi.resetPassword(lostByBroker)))
                .as("after a reset")
                .isTrue();
        assertThat(report.clientsRemoved()).isGreaterThanOrEqualTo(2);
        assertThat(report.clientsEnabled()).isGreaterThanOrEqualTo(1);
        assertThat(report.clientsDisabled()).isGreaterThanOrEqualTo(1);

        BrokerAdmin.require(BrokerAdmin.command("deleteClient").put("username", notADevice));
    }

    @Test
    void aSecondReconciliationFindsNothingToDo() {
        reconciler.reconcile().await().atMost(Duration.ofSeconds(30));

        ReconcileReport again = reconciler.reconcile().await().atMost(Duration.ofSeconds(30));

        assertThat(again.changedAnything()).as("%s", again).isFalse();
    }

    private static RegisteredDevice register(SyntheticOrganisation org, String name) {
        return DeviceApi.register(org.tenantId(), org.siteIds().get(0), DeviceApi.uniqueName(name));
    }
}
