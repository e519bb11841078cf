package io.atc.edge.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.atc.core.blobs.BlobKeys;
import io.atc.core.blobs.BlobStore;
import io.atc.edge.support.BrokerAdmin;
import io.atc.edge.support.DeviceApi;
import io.atc.edge.support.EdgeBridgeTestResources;
import io.atc.edge.support.Eventually;
import io.atc.edge.support.RegisteredDevice;
import io.atc.testkit.mqtt.TestMqttClient;
import io.atc.testkit.orgs.SyntheticOrganisation;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A message that arrives again (the broker redelivers what was not acknowledged, a device
 * republishes) is the same row: the device-generated id is the key, the second copy is skipped,
 * counted as a duplicate, adds nothing to the site's storage and leaves no audit entry of its own.
 * Breaks when: the inserts lose ON CONFLICT DO NOTHING (the copy is then refused by the database
 * instead of recognised, and no duplicate is counted), or the storage counts rows offered instead of
 * rows inserted.
 */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
@TestProfile(IngestRunning.class)
class RedeliveryIsIdempotentTests {

    @Inject
    MeterRegistry meters;

    @Inject
    BlobStore blobs;

    @BeforeEach
    void ingestIsSubscribed() {
        IngestReadiness.await(meters);
    }

    @Test
    void anEventDeliveredTwiceIsStoredCountedAndAuditedOnce() {
        SyntheticOrganisation org = SyntheticOrganisations.create(TestDatabase.shared(), "Redelivered events org");
        UUID site = org.siteIds().get(0);
        RegisteredDevice device = DeviceApi.register(org.tenantId(), site, "Repeating camera");
        String payload = DevicePayloads.event(UUID.randomUUID()).encode();
        double duplicatesBefore = duplicates("event");

        try (TestMqttClient client = BrokerAdmin.connect(device)) {
            client.publish(device.topic("events"), payload);
            Eventually.await(
                    "first copy stored",
                    Duration.ofSeconds(10),
                    () -> EdgeRows.events(org.tenantId(), device.id()),
                    n -> n == 1);
            client.publish(device.topic("events"), payload);
        }

        Eventually.await(
                "second copy seen", Duration.ofSeconds(10), () -> duplicates("event"), n -> n >= duplicatesBefore + 1);
        assertThat(EdgeRows.events(org.tenantId(), device.id())).isEqualTo(1);
        assertThat(SyntheticOrganisations.countAsTenant(
                        org.tenantId(), "select event_count from edge.site_storage where site_id = ?", site))
                .isEqualTo(1);
        assertThat(SyntheticOrganisations.countAsTenant(
                        org.tenantId(), "select count(*) from audit.events where action = ?", BatchWriter.ACTION))
                .isEqualTo(1);
    }

    @Test
    void anImageDeliveredTwiceKeepsItsFirstRowAndBlob() throws Exception {
        SyntheticOrganisation org = SyntheticOrganisations.create(TestDatabase.shared(), "Redelivered images org");
        UUID site = org.siteIds().get(1);
        RegisteredDevice device = DeviceApi.register(org.tenantId(), site, "Repeating camera");
        UUID imageId = UUID.randomUUID();
        byte[] first = {1, 2, 3, 4, 5};
        byte[] second = {9, 9, 9};
        double duplicatesBefore = duplicates("image");

        try (TestMqttClient client = BrokerAdmin.connect(device)) {
            client.publish(device.topic("images"), DevicePayloads.image(imageId, first, false));
            Eventually.await(
                    "first copy stored", Duration.ofSeconds(10), () -> images(org.tenantId(), device), n -> n == 1);
            client.publish(device.topic("images"), DevicePayloads.image(imageId, second, false));
        }

        Eventually.await(
                "second copy seen", Duration.ofSeconds(10), () -> duplicates("image"), n -> n >= duplicatesBefore + 1);
        assertThat(images(org.tenantId(), device)).isEqualTo(1);
        assertThat(SyntheticOrganisations.countAsTenant(
                        org.tenantId(), "select size_bytes from edge.images where device_id = ?", device.id()))
                .isEqualTo(5);
        assertThat(blobs.read(BlobKeys.image(org.tenantId(), site, device.id(), imageId)))
                .hasValueSatisfying(stored -> assertThat(stored).isEqualTo(first));
        assertThat(SyntheticOrganisations.countAsTenant(
                        org.tenantId(), "select image_count from edge.site_storage where site_id = ?", site))
                .isEqualTo(1);
    }

    private static long images(UUID tenant, RegisteredDevice device) {
        return SyntheticOrganisations.countAsTenant(
                tenant, "select count(*) from edge.images where device_id = ?", device.id());
    }

    private double duplicates(String kind) {
        return meters.get(IngestMetrics.DUPLICATES).tag("kind", kind).counter().count();
    }
}
