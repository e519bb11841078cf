package io.atc.edge.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.atc.edge.support.BrokerAdmin;
import io.atc.edge.support.DeviceApi;
import io.atc.edge.support.EdgeBridgeTestResources;
import io.atc.edge.support.Eventually;
import io.atc.edge.support.RegisteredDevice;
import io.atc.edge.support.SettingsMessages;
import io.atc.edge.support.TestBroker;
import io.atc.testkit.mqtt.TestMqttClient;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/**
 * The identity the bridge publishes settings as ({@code atc-settings-publisher}) may publish to
 * sites' settings topics and do nothing else: every subscription is refused, its publishes to a
 * device topic reach nobody, and it cannot send dynamic-security commands. An admin watching
 * {@code #} sees, in the publisher's order, only the allowed publish.
 * Breaks when: its role gets a wider filter (checked once with publishClientSend atc/#: the watcher
 * first got the forged event on the device's topic).
 */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
class SettingsPublisherMayOnlyPublishSettingsTests {

    private static final int REFUSED = 0x80;

    @Test
    void itPublishesSettingsAndNothingElse() {
        var org = SyntheticOrganisations.in(TestDatabase.shared()).a();
        RegisteredDevice device = DeviceApi.registerAt(org, 0);
        String password = SettingsPublisherIdentity.password(TestBroker.broker().adminPassword());
        String intruder = "made-by-the-publisher-" + UUID.randomUUID();
        String allowed = SettingsMessages.topic(UUID.randomUUID(), UUID.randomUUID());
        Eventually.within(
                SettingsMessages.WAIT,
                "the bootstrap has made the publisher",
                () -> BrokerAdmin.clientExists(SettingsPublisherIdentity.USERNAME));

        try (TestMqttClient watcher = BrokerAdmin.settingsWatcher();
                TestMqttClient publisher = BrokerAdmin.connect(
                        SettingsPublisherIdentity.USERNAME, password, "atc-settings-publisher-test")) {
            watcher.subscribe(device.topic("events"));
            watcher.subscribe(allowed);
            for (String filter : List.of(
                    allowed, SettingsMessages.topic(org.tenantId(), device.siteId()), "#", device.topic("events"))) {
                assertThat(publisher.subscribe(filter)).as(filter).containsExactly(REFUSED);
            }

            publisher.publish(device.topic("events"), "{\"forged\":true}");
            publisher.publish(
                    "$CONTROL/dynamic-security/v1",
                    new JsonObject()
                            .put(
                                    "commands",
                                    List.of(new JsonObject()
                                            .put("command", "createClient")
                                            .put("username", intruder)
                                            .put("password", "p")))
                            .encode());
            publisher.publish(allowed, "{\"allowed\":true}");

            TestMqttClient.Message first = watcher.nextMessage();
            assertThat(first.topic()).isEqualTo(allowed);
            assertThat(BrokerAdmin.clientExists(intruder)).isFalse();
        }
    }
}
