package io.atc.edge.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

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
 * A device may not subscribe, not even to its own topics: every filter is refused in the SUBACK
 * (0x80), wildcards, shared subscriptions, $SYS and the dynamic-security answers included.
 * Breaks when: the device role grants a subscribe ACL, or the default subscribe access allows
 * (checked once: with a subscribePattern '#' in the device role, its own events topic was granted).
 */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
class DeviceCannotSubscribeToAnythingTests {

    private static final int REFUSED = 0x80;

    @Test
    void everySubscriptionIsRefused() {
        var org = SyntheticOrganisations.in(TestDatabase.shared()).a();
        RegisteredDevice device =
                DeviceApi.register(org.tenantId(), org.siteIds().get(1), DeviceApi.uniqueName("Listener"));
        List<String> filters = List.of(
                device.topic("events"),
                device.topic("#"),
                "atc/" + device.tenantId() + "/#",
                "atc/#",
                "#",
                "+/+/+/+/events",
                "$share/atc-ingest/atc/+/+/+/events",
                "$SYS/#",
                "$CONTROL/dynamic-security/v1/response");

        try (TestMqttClient client = BrokerAdmin.connect(device)) {
            for (String filter : filters) {
                assertThat(client.subscribe(filter)).as(filter).containsExactly(REFUSED);
            }
        }
    }
}
