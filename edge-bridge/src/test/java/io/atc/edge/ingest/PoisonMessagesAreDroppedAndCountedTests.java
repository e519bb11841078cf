package io.atc.edge.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
 * Messages that can never be stored (malformed JSON, schema-invalid events, oversize payloads,
 * broken image envelopes, malformed topics) are dropped, counted by reason and acknowledged, and
 * the bridge goes on: the device's next good event is stored. An oversize message is larger than
 * the MQTT client's default 8 KiB limit, which would otherwise break the connection on every
 * redelivery. Breaks when: a dropped message is not settled (the in-order acknowledgements stall
 * behind it: checked, the unacknowledged count then never returns to 0), or the MQTT client keeps its
 * default message size (the oversize case: the connection breaks on it and the good event never arrives).
 */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
@TestProfile(IngestRunning.class)
class PoisonMessagesAreDroppedAndCountedTests {

    private static SyntheticOrganisation org;
    private static RegisteredDevice device;

    @Inject
    MeterRegistry meters;

    @BeforeEach
    void ingestIsSubscribedAndTheDeviceRegistered() {
        IngestReadiness.await(meters);
        if (device == null) {
            org = SyntheticOrganisations.create(TestDatabase.shared(), "Poison org");
            device = DeviceApi.register(org.tenantId(), org.siteIds().get(0), "Poisoning camera");
        }
    }

    @Test
    void malformedJsonIsDroppedAndTheNextEventIsStored() {
        assertDroppedThenGoodEventStored(
                DropReason.MALFORMED_JSON, events(), "{\"event_id\": ".getBytes(StandardCharsets.UTF_8));
        assertDroppedThenGoodEventStored(
                DropReason.MALFORMED_JSON,
                events(),
                (DevicePayloads.event(UUID.randomUUID()).encode() + " trailing").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void schemaInvalidEventsAreDropped() {
        assertDroppedThenGoodEventStored(
                DropReason.INVALID_EVENT,
                events(),
                json(DevicePayloads.event(UUID.randomUUID()).put("event_id", "not-a-uuid")));
        assertDroppedThenGoodEventStored(
                DropReason.INVALID_EVENT,
                events(),
                json(DevicePayloads.event(UUID.randomUUID()).put("occurred_at", "2026-03-01 12:00:00")));
        assertDroppedThenGoodEventStored(
                DropReason.INVALID_EVENT,
                events(),
                json(DevicePayloads.event(UUID.randomUUID())
                        .put("data", new JsonObject().put("text", "nul \u0000 inside"))));
    }

    @Test
    void oversizeEventsAndImagesAreDropped() {
        String big = "x".repeat(70_000);
        assertDroppedThenGoodEventStored(
                DropReason.OVERSIZE,
                events(),
                json(DevicePayloads.event(UUID.randomUUID()).put("data", new JsonObject().put("blob", big))));
        assertDroppedThenGoodEventStored(
                DropReason.OVERSIZE, images(), DevicePayloads.image(UUID.randomUUID(), new byte[1_048_577], false));
    }

    @Test
    void brokenImageEnvelopesAreDropped() {
        assertDroppedThenGoodEventStored(
                DropReason.INVALID_IMAGE,
                images(),
                ByteBuffer.allocate(6).putShort((short) 900).putInt(1).array());
        byte[] tampered = DevicePayloads.image(UUID.randomUUID(), new byte[] {1, 2, 3}, true);
        tampered[tampered.length - 1] ^= 1;
        assertDroppedThenGoodEventStored(DropReason.INVALID_IMAGE, images(), tampered);
    }

    /** The broker's ACLs confine a device to its own topics, so only a publisher past them can send this. */
    @Test
    void aTopicThatIsNotADeviceTopicIsDropped() {
        assertDroppedThenGoodEventStored(
                DropReason.MALFORMED_TOPIC,
                AclBypassingPublisher::connect,
                "atc/not-a-tenant/" + device.siteId() + "/" + device.id() + "/events",
                json(DevicePayloads.event(UUID.randomUUID())));
    }

    private void assertDroppedThenGoodEventStored(DropReason reason, String topic, byte[] payload) {
        assertDroppedThenGoodEventStored(reason, () -> BrokerAdmin.connect(device), topic, payload);
    }

    private void assertDroppedThenGoodEventStored(
            DropReason reason, Supplier<TestMqttClient> sender, String topic, byte[] payload) {
        double before = IngestReadiness.dropped(meters, reason);
        long stored = EdgeRows.events(org.tenantId(), device.id());
        try (TestMqttClient client = sender.get()) {
            client.publish(topic, payload);
            client.publish(events(), json(DevicePayloads.event(UUID.randomUUID())));
        }
        Eventually.await(
                reason.tag() + " counted",
                Duration.ofSeconds(10),
                () -> IngestReadiness.dropped(meters, reason),
                count -> count >= before + 1);
        Eventually.await(
                "the good event after it stored",
                Duration.ofSeconds(10),
                () -> EdgeRows.events(org.tenantId(), device.id()),
                count -> count == stored + 1);
        assertThat(IngestReadiness.dropped(meters, reason)).isEqualTo(before + 1);
        Eventually.await(
                "every message acknowledged",
                Duration.ofSeconds(10),
                () -> meters.get(IngestMetrics.UNACKNOWLEDGED).gauge().value(),
                count -> count == 0.0);
    }

    private static String events() {
        return device.topic("events");
    }

    private static String images() {
        return device.topic("images");
    }

    private static byte[] json(JsonObject event) {
        return event.encode().getBytes(StandardCharsets.UTF_8);
    }
}
