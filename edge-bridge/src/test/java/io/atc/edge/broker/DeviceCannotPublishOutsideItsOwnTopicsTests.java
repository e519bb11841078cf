package io.atc.edge.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.atc.edge.support.BrokerAdmin;
import io.atc.edge.support.DeviceApi;
import io.atc.edge.support.EdgeBridgeTestResources;
import io.atc.edge.support.RegisteredDevice;
import io.atc.testkit.mqtt.TestMqttClient;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A device registered through the API may publish under its own topic prefix and nowhere else: not
 * into another tenant's topics, not into another device's of its own tenant, not above its prefix.
 * With MQTT 3.1.1 the broker acknowledges a denied publish and drops it, so an admin subscribed to
 * {@code #} watches: the denied publishes come first, then an allowed one; the broker keeps one
 * client's messages in order, so the first message the admin gets must be the allowed one.
 * Breaks when: the device's role allows a wider filter (checked once with {@code atc/#}: the first
 * message the admin saw was the one forbidden in tenant B's topic).
 */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
class DeviceCannotPublishOutsideItsOwnTopicsTests {

    private static SyntheticOrganisations orgs;

    @BeforeAll
    static void organisations() {
        orgs = SyntheticOrganisations.in(TestDatabase.shared());
    }

    @Test
    void publishesOutsideTheDevicesPrefixNeverReachAnySubscriber() {
        RegisteredDevice device =
                DeviceApi.register(orgs.a().tenantId(), orgs.a().siteIds().get(0), DeviceApi.uniqueName("A cam"));
        RegisteredDevice neighbour =
                DeviceApi.register(orgs.a().tenantId(), orgs.a().siteIds().get(0), DeviceApi.uniqueName("A cam"));
        RegisteredDevice tenantB =
                DeviceApi.register(orgs.b().tenantId(), orgs.b().siteIds().get(0), DeviceApi.uniqueName("B cam"));
        String siteA = "atc/" + device.tenantId() + "/" + device.siteId();
        List<String> forbidden = List.of(
                tenantB.topic("events"),
                tenantB.topic("images"),
                neighbour.topic("events"),
                siteA + "/events",
                siteA + "/" + java.util.UUID.randomUUID() + "/events",
                "atc/" + device.tenantId() + "/" + orgs.a().siteIds().get(1) + "/" + device.id() + "/events",
                "atc/" + device.tenantId() + "/events",
                "atc/events",
                "atc",
                "elsewhere/" + device.id(),
                "$SYS/broker/injected");

        try (TestMqttClient watcher = BrokerAdmin.admin();
                TestMqttClient publisher = BrokerAdmin.connect(device)) {
            assertThat(watcher.subscribe("#")).containsExactly(1);
            for (String topic : forbidden) {
                publisher.publish(topic, "forbidden " + topic);
            }
            publisher.publish(device.topic("events"), "allowed");

            assertThat(watcher.nextMessage()).isEqualTo(new TestMqttClient.Message(device.topic("events"), "allowed"));
            assertThat(publisher.isConnected()).isTrue();
        }
    }

    @Test
    void theDeviceMayPublishAnywhereUnderItsOwnPrefix() {
        RegisteredDevice device =
                DeviceApi.register(orgs.b().tenantId(), orgs.b().siteIds().get(1), DeviceApi.uniqueName("B cam"));

        try (TestMqttClient watcher = BrokerAdmin.admin();
                TestMqttClient publisher = BrokerAdmin.connect(device)) {
            assertThat(watcher.subscribe("#")).containsExactly(1);
            publisher.publish(device.topic("events"), "event");
            publisher.publish(device.topic("images"), "image");

            assertThat(watcher.nextMessage()).isEqualTo(new TestMqttClient.Message(device.topic("events"), "event"));
            assertThat(watcher.nextMessage()).isEqualTo(new TestMqttClient.Message(device.topic("images"), "image"));
        }
    }
}
