package io.atc.edge.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.atc.edge.config.EdgeConfig;
import io.atc.edge.support.BrokerAdmin;
import io.atc.edge.support.ClientIdClaims;
import io.atc.edge.support.DeviceApi;
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
 * Brokers deployed before device clients were bound to their client id hold clients that log in
 * under any id, and an operator can change a client's binding by hand: one reconciliation binds
 * every device's password client to its own client id again. Here one device's client is what an
 * older bridge made (no client id, a device connected under a foreign id), and another one's was
 * bound to the ingest's client id by hand, so that device could claim the ingest's session.
 * After the reconciliation the foreign-id session is gone, foreign ids are refused, each device
 * still logs in with its own id and its unchanged password, and a second pass finds nothing to do.
 * Breaks when: the reconciler does not compare the client's {@code clientid} with the device's
 * (seen: with the binding step left out, both devices still connected under the foreign ids).
 */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
class ReconcilerBindsEveryDeviceClientToItsOwnClientIdTests {

    @Inject
    BrokerReconciler reconciler;

    @Inject
    EdgeConfig config;

    @Test
    void unboundAndMisboundDeviceClientsAreBoundToTheirOwnClientId() {
        SyntheticOrganisation org = SyntheticOrganisations.create(TestDatabase.shared(), "Client id drift org");
        RegisteredDevice legacy = DeviceApi.registerAt(org, 0);
        RegisteredDevice misbound = DeviceApi.registerAt(org, 1);
        String foreignId = "legacy-" + UUID.randomUUID();
        BrokerAdmin.require(BrokerAdmin.command("deleteClient").put("username", legacy.username()));
        BrokerAdmin.require(BrokerAdmin.command("createClient")
                .put("username", legacy.username())
                .put("password", legacy.password())
                .put("roles", new JsonArray().add(new JsonObject().put("rolename", legacy.username()))));
        BrokerAdmin.require(BrokerAdmin.command("modifyClient")
                .put("username", misbound.username())
                .put("clientid", config.ingest().clientId()));
        assertThat(claimRefused(misbound, config.ingest().clientId()))
                .as("drift staged: misbound claims the ingest's id")
                .isFalse();

        ReconcileReport report;
        try (TestMqttClient legacySession = BrokerAdmin.connect(legacy.username(), legacy.password(), foreignId)) {
            report = reconciler.reconcile().await().atMost(Duration.ofSeconds(30));
            Eventually.within(
                    Duration.ofSeconds(5),
                    "the session under a foreign id is dropped",
                    () -> !legacySession.isConnected());
        }

        assertThat(report.clientIdsBound()).isGreaterThanOrEqualTo(2);
        assertThat(claimRefused(legacy, foreignId))
                .as("legacy under a foreign id")
                .isTrue();
        assertThat(claimRefused(misbound, config.ingest().clientId()))
                .as("misbound under the ingest's id")
                .isTrue();
        assertThat(BrokerAdmin.accepts(legacy))
                .as("legacy under its own id, same password")
                .isTrue();
        assertThat(BrokerAdmin.accepts(misbound))
                .as("misbound under its own id, same password")
                .isTrue();
        assertThat(reconciler.reconcile().await().atMost(Duration.ofSeconds(30)).clientIdsBound())
                .as("a second pass")
                .isZero();
    }

    private static boolean claimRefused(RegisteredDevice device, String clientId) {
        return ClientIdClaims.withPassword(device.username(), device.password(), clientId, true)
                .refused();
    }
}
