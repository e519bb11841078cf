package io.atc.edge.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.atc.edge.support.BrokerAdmin;
import io.atc.edge.support.DeviceApi;
import io.atc.edge.support.EdgeBridgeTestResources;
import io.atc.edge.support.RegisteredDevice;
import io.atc.edge.support.SettingsMessages;
import io.atc.testkit.mqtt.TestMqttClient;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A device may subscribe to exactly one filter, its own site's retention settings topic, spelled
 * out (DevicesReceiveTheirSitesRetentionSettingsTests); every other filter is refused in the SUBACK
 * (0x80): its own device topics, another site's or another tenant's settings topic, any wildcard
 * or shared form of its own settings topic, $SYS and the dynamic-security answers included.
 * Breaks when: the device role grants a wider subscribe ACL (subscribePattern, or a filter beyond
 * its site's settings topic), or the default subscribe access allows (checked once: with a
 * subscribePattern '#' in the device role, its own events topic was granted; with
 * subscribePattern atc/+/+/config/retention in place of its own topic, another site's was granted).
 */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
class DeviceCannotSubscribeToAnythingTests {

    private static final int REFUSED = 0x80;

    @Test
    void everySubscriptionButItsSitesSettingsIsRefused() {
        var orgs = SyntheticOrganisations.in(TestDatabase.shared());
        var org = orgs.a();
        var orgB = orgs.b();
        RegisteredDevice device =
                DeviceApi.register(org.tenantId(), org.siteIds().get(1), DeviceApi.uniqueName("Listener"));
        String ownSettings = SettingsMessages.topic(device.tenantId(), device.siteId());
        List<String> filters = List.of(
                SettingsMessages.topic(device.tenantId(), org.siteIds().get(0)),
                SettingsMessages.topic(orgB.tenantId(), orgB.siteIds().get(1)),
                "atc/" + device.tenantId() + "/" + device.siteId() + "/config/#",
                "atc/" + device.tenantId() + "/" + device.siteId() + "/+/retention",
                "atc/" + device.tenantId() + "/+/config/retention",
                "atc/+/+/config/retention",
                "$share/devices/" + ownSettings,
                ownSettings + "/#",
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
            assertThat(client.subscribe(ownSettings))
                    .as("its own site's settings")
                    .containsExactly(1);
        }
    }
}
