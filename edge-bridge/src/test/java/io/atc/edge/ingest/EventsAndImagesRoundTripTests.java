package io.atc.edge.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
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
import io.vertx.core.json.JsonObject;

/**
 * An event and an image published by a device registered through the API, with the credentials the
 * API showed once, arrive in the database (and the image bytes in the blob store) under the
 * device's tenant, site and id, and the site's storage counts them.
 */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
@TestProfile(IngestRunning.class)
class EventsAndImagesRoundTripTests {

    private static SyntheticOrganisation org;

    @Inject
    MeterRegistry meters;

    @Inject
    BlobStore blobs;

    @BeforeAll
    static void tenant() {
        org = SyntheticOrganisations.create(TestDatabase.shared(), "Round trip org");
    }

    @BeforeEach
    void ingestIsSubscribed() {
        IngestReadiness.await(meters);
    }

    @Test
    void anEventIsStoredWithItsFieldsAndCountedInItsSitesStorage() {
        UUID site = org.siteIds().get(1);
        RegisteredDevice device = DeviceApi.register(org.tenantId(), site, "Gate camera");
        UUID eventId = UUID.randomUUID();
        OffsetDateTime occurredAt = OffsetDateTime.parse("2026-03-01T12:34:56.789+01:00");
        String payload = DevicePayloads.event(eventId)
                .put("occurred_at", occurredAt.toString())
                .put("type", "gate.opened")
                .put("data", new JsonObject().put("gate", 3).put("by", "badge 17"))
                .encode();

        try (TestMqttClient client = BrokerAdmin.connect(device)) {
            client.publish(device.topic("events"), payload);
        }

        Eventually.await(
                "event stored",
                Duration.ofSeconds(10),
                () -> EdgeRows.events(org.tenantId(), device.id()),
                n -> n == 1);
        Object[] row = EdgeRows.rows(org.tenantId(), """
                select site_id, event_id, occurred_at = ?::timestamptz, type, body::text, image_id, payload_bytes
                  from edge.events where device_id = ?
                """, occurredAt.toString(), device.id())
                .get(0);
        assertThat(row[0]).isEqualTo(site);
        assertThat(row[1]).isEqualTo(eventId);
        assertThat(row[2]).isEqualTo(true);
        assertThat(row[3]).isEqualTo("gate.opened");
        assertThat(new JsonObject((String) row[4]))
                .isEqualTo(new JsonObject().put("gate", 3).put("by", "badge 17"));
        assertThat(row[5]).isNull();
        assertThat(row[6]).isEqualTo(payload.getBytes(StandardCharsets.UTF_8).length);
        List<Object[]> storage = EdgeRows.rows(
                org.tenantId(),
                "select event_count, event_bytes, image_count from edge.site_storage where site_id = ?",
                site);
        assertThat(storage).hasSize(1);
        assertThat(storage.get(0)).containsExactly(1L, (long) payload.getBytes(StandardCharsets.UTF_8).length, 0L);
    }

    @Test
    void anImageGoesToTheBlobStoreAndTheEventThatRefersToItFindsIt() throws Exception {
        UUID site = org.siteIds().get(0);
        RegisteredDevice device = DeviceApi.register(org.tenantId(), site, "Yard camera");
        UUID imageId = UUID.randomUUID();
        byte[] jpeg = new byte[150_000];
        new java.util.Random(7).nextBytes(jpeg);

        try (TestMqttClient client = BrokerAdmin.connect(device)) {
            client.publish(device.topic("images"), DevicePayloads.image(imageId, jpeg, true));
            client.publish(
                    device.topic("events"),
                    DevicePayloads.event(UUID.randomUUID())
                            .put("image_id", imageId.toString())
                            .encode());
        }

        Eventually.await(
                "image and event stored",
                Duration.ofSeconds(10),
                () -> SyntheticOrganisations.countAsTenant(org.tenantId(), """
                select count(*) from edge.events e
                  join edge.images i on i.tenant_id = e.tenant_id and i.device_id = e.device_id and i.image_id = e.image_id
                 where e.device_id = ?
                """, device.id()),
                n -> n == 1);
        Object[] image = EdgeRows.rows(
                        org.tenantId(),
                        "select site_id, blob_key, size_bytes, sha256, content_type from edge.images where device_id = ?",
                        device.id())
                .get(0);
        String key = BlobKeys.image(org.tenantId(), site, device.id(), imageId);
        assertThat(image[0]).isEqualTo(site);
        assertThat(image[1]).isEqualTo(key);
        assertThat(image[2]).isEqualTo((long) jpeg.length);
        assertThat(HexFormat.of().formatHex((byte[]) image[3]))
                .isEqualTo(HexFormat.of().formatHex(DevicePayloads.sha256(jpeg)));
        assertThat(image[4]).isEqualTo("image/jpeg");
        assertThat(blobs.read(key))
                .hasValueSatisfying(stored -> assertThat(stored).isEqualTo(jpeg));
        assertThat(EdgeRows.rows(
                                org.tenantId(),
                                "select image_count, image_bytes, event_count from edge.site_storage where site_id = ?",
                                site)
                        .get(0))
                .containsExactly(1L, (long) jpeg.length, 1L);
    }
}
