package io.atc.edge.retention;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.atc.edge.support.BrokerAdmin;
import io.atc.edge.support.DeviceApi;
import io.atc.edge.support.EdgeBridgeTestResources;
import io.atc.edge.support.RegisteredDevice;
import io.atc.edge.support.RetentionRows;
import io.atc.edge.support.SettingsMessages;
import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.mqtt.TestMqttClient;
import io.atc.testkit.orgs.SyntheticOrganisation;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/**
 * A device subscribed to its own site's retention settings topic gets the current effective
 * settings as soon as it subscribes (retained) and every committed change after: to its site's own
 * settings, to its tenant's default (which republishes every site of that tenant and no other
 * tenant's), and a site created through the API gets its topic at once; a deleted site's retained
 * settings are cleared (an empty retained message). Each organisation is new
 * and made in SQL, so nothing was published for it before the test's first change.
 * Breaks when: the bridge stops listening on atc_retention_changes, publishes without the retain
 * flag, resolves the inheritance differently from EffectiveRetention, or republishes another
 * tenant's sites on a tenant default change (checked once: with a tenant default change also
 * republishing every site, tenant B's device received a message).
 */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
class DevicesReceiveTheirSitesRetentionSettingsTests {

    private static final int PLATFORM_DAYS = 30;

    @Test
    void aDeviceGetsItsSitesCurrentSettingsOnSubscribingAndEveryChange() {
        SyntheticOrganisation org = newOrganisation("Settings");
        UUID site = org.siteIds().get(0);
        RetentionRows.setSite(org.tenantId(), site, 14, null);
        RegisteredDevice device = DeviceApi.register(org.tenantId(), site, DeviceApi.uniqueName("Cam"));

        try (TestMqttClient client = BrokerAdmin.connect(device)) {
            assertThat(client.subscribe(SettingsMessages.topic(org.tenantId(), site)))
                    .containsExactly(1);
            JsonObject current =
                    SettingsMessages.awaitSettings(client, org.tenantId(), site, 14, "site", PLATFORM_DAYS, "platform");
            assertThat(current.getString("tenantId")).isEqualTo(org.tenantId().toString());
            assertThat(current.getString("siteId")).isEqualTo(site.toString());
            assertThat(current.getInteger("format")).isEqualTo(1);
            assertThat(current.getString("publishedAt")).isNotBlank();

            RetentionRows.setSite(org.tenantId(), site, 7, 3);
            SettingsMessages.awaitSettings(client, org.tenantId(), site, 7, "site", 3, "site");

            RetentionRows.setTenantDefault(org.tenantId(), 90, null);
            RetentionRows.deleteSite(org.tenantId(), site);
            SettingsMessages.awaitSettings(client, org.tenantId(), site, 90, "tenant", PLATFORM_DAYS, "platform");
        }
    }

    @Test
    void aTenantDefaultRepublishesEverySiteOfThatTenantAndNoOtherTenants() {
        SyntheticOrganisation org = newOrganisation("Default");
        SyntheticOrganisation other = newOrganisation("Bystander");
        RegisteredDevice first = DeviceApi.registerAt(org, 0);
        RegisteredDevice second = DeviceApi.registerAt(org, 1);
        RegisteredDevice bystander = DeviceApi.registerAt(other, 0);

        try (TestMqttClient firstClient = BrokerAdmin.connect(first);
                TestMqttClient secondClient = BrokerAdmin.connect(second);
                TestMqttClient bystanderClient = BrokerAdmin.connect(bystander)) {
            assertThat(firstClient.subscribe(SettingsMessages.topic(org.tenantId(), first.siteId())))
                    .containsExactly(1);
            assertThat(secondClient.subscribe(SettingsMessages.topic(org.tenantId(), second.siteId())))
                    .containsExactly(1);
            assertThat(bystanderClient.subscribe(SettingsMessages.topic(other.tenantId(), bystander.siteId())))
                    .containsExactly(1);

            RetentionRows.setTenantDefault(org.tenantId(), 60, 5);

            SettingsMessages.awaitSettings(firstClient, org.tenantId(), first.siteId(), 60, "tenant", 5, "tenant");
            SettingsMessages.awaitSettings(secondClient, org.tenantId(), second.siteId(), 60, "tenant", 5, "tenant");
            assertThat(bystanderClient.pollMessage(SettingsMessages.SILENCE)).isEmpty();
        }
    }

    @Test
    void aSiteCreatedThroughTheApiHasItsSettingsAtOnce() {
        SyntheticOrganisation org = newOrganisation("New site");
        RetentionRows.setTenantDefault(org.tenantId(), 45, 12);
        UUID site = createSite(org, "Annex");
        RegisteredDevice device = DeviceApi.register(org.tenantId(), site, DeviceApi.uniqueName("Cam"));

        try (TestMqttClient client = BrokerAdmin.connect(device)) {
            assertThat(client.subscribe(SettingsMessages.topic(org.tenantId(), site)))
                    .containsExactly(1);
            SettingsMessages.awaitSettings(client, org.tenantId(), site, 45, "tenant", 12, "tenant");
        }
    }

    @Test
    void aDeletedSitesRetainedSettingsAreCleared() {
        SyntheticOrganisation org = newOrganisation("Closing");
        UUID site = createSite(org, "Closing soon");
        String topic = SettingsMessages.topic(org.tenantId(), site);
        try (TestMqttClient watcher = BrokerAdmin.settingsWatcher()) {
            watcher.subscribe(topic);
            SettingsMessages.awaitSettings(
                    watcher, org.tenantId(), site, PLATFORM_DAYS, "platform", PLATFORM_DAYS, "platform");

            given().auth()
                    .oauth2(InternalTokens.forTenant(org.tenantId()))
                    .delete("/v1/sites/{id}", site)
                    .then()
                    .statusCode(204);

            TestMqttClient.Message cleared = watcher.nextMessage();
            assertThat(cleared.topic()).isEqualTo(topic);
            assertThat(cleared.payload()).isEmpty();
        }
        try (TestMqttClient late = BrokerAdmin.settingsWatcher()) {
            late.subscribe(topic);
            assertThat(late.pollMessage(SettingsMessages.SILENCE))
                    .as("nothing retained")
                    .isEmpty();
        }
    }

    private static UUID createSite(SyntheticOrganisation org, String name) {
        return UUID.fromString(given().auth()
                .oauth2(InternalTokens.forTenant(org.tenantId()))
                .contentType("application/json")
                .body("{\"name\":\"" + name + "\"}")
                .post("/v1/sites")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
    }

    private static SyntheticOrganisation newOrganisation(String name) {
        return SyntheticOrganisations.create(TestDatabase.shared(), name + " " + UUID.randomUUID());
    }
}
