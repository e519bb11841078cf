package io.atc.edge.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.atc.edge.broker.SettingsPublisherIdentity;
import io.atc.edge.support.BrokerAdmin;
import io.atc.edge.support.EdgeBridgeTestResources;
import io.atc.edge.support.SettingsMessages;
import io.atc.testkit.mqtt.TestMqttClient;
import io.atc.testkit.orgs.SyntheticOrganisation;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every site's settings are published whenever the publisher (re)connects, as on the bridge's
 * start: sites made in SQL, which no notification announces, have no retained settings until the
 * broker drops the publisher's session; once it is back, both have theirs.
 * Breaks when: the publisher's connection does not republish every site (checked once: with the
 * connection listener not registered, the watcher got nothing).
 */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
class EverySiteIsPublishedWhenThePublisherConnectsTests {

    private static final int PLATFORM_DAYS = 30;

    @Test
    void aReconnectionPublishesSitesNoChangeAnnounced() {
        SyntheticOrganisation org =
                SyntheticOrganisations.create(TestDatabase.shared(), "Unannounced " + UUID.randomUUID());

        UUID depot = org.siteIds().get(0);
        UUID harbour = org.siteIds().get(1);
        try (TestMqttClient depotWatcher = BrokerAdmin.settingsWatcher();
                TestMqttClient harbourWatcher = BrokerAdmin.settingsWatcher()) {
            depotWatcher.subscribe(SettingsMessages.topic(org.tenantId(), depot));
            harbourWatcher.subscribe(SettingsMessages.topic(org.tenantId(), harbour));
            assertThat(depotWatcher.pollMessage(SettingsMessages.SILENCE))
                    .as("nothing published yet")
                    .isEmpty();

            BrokerAdmin.require(
                    BrokerAdmin.command("disableClient").put("username", SettingsPublisherIdentity.USERNAME));
            BrokerAdmin.require(
                    BrokerAdmin.command("enableClient").put("username", SettingsPublisherIdentity.USERNAME));

            SettingsMessages.awaitSettings(
                    depotWatcher, org.tenantId(), depot, PLATFORM_DAYS, "platform", PLATFORM_DAYS, "platform");
            SettingsMessages.awaitSettings(
                    harbourWatcher, org.tenantId(), harbour, PLATFORM_DAYS, "platform", PLATFORM_DAYS, "platform");
        }
    }
}
