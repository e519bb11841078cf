package io.atc.edge.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.atc.testkit.mqtt.TestMqttClient;
import io.atc.testkit.orgs.SyntheticOrganisation;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The bridge decides where a message lands from the device's registration, never from the topic:
 * a message whose topic names another tenant or another site than the device is registered to is
 * dropped and counted, and so are messages of unknown and disabled devices. The broker's ACLs
 * should stop these first; this is the second wall, so the publisher here may publish anywhere.
 * Breaks when: IngestPipeline.route stops checking IngestTopic.matches (checked: both mismatch cases
 * then fail, nothing is counted and the event is stored under the device's registration), or routes
 * by the topic's ids.
 */
@QuarkusTest
@QuarkusTestResource(IngestTestResources.class)
class DevicesCannotWriteOutsideTheirRegistrationTests {

    private static SyntheticOrganisation tenantA;
    private static SyntheticOrganisation tenantB;

    @Inject
    MeterRegistry meters;

    @Inject
    DeviceDirectory directory;

    @BeforeAll
    static void tenants() {
        tenantA = SyntheticOrganisations.create(TestDatabase.shared(), "Registration org A");
        tenantB = SyntheticOrganisations.create(TestDatabase.shared(), "Registration org B");
    }

    @BeforeEach
    void ingestIsSubscribed() {
        IngestReadiness.await(meters);
    }

    @Test
    void aDeviceOfTenantAPublishingIntoTenantBsTopicsStoresNothingAnywhere() {
        UUID deviceA = EdgeRows.registerDevice(tenantA.tenantId(), tenantA.siteIds().get(0));
        UUID siteB = tenantB.siteIds().get(0);

        assertDropped(DropReason.TOPIC_MISMATCH, DevicePayloads.eventsTopic(tenantB.tenantId(), siteB, deviceA));

        assertThat(EdgeRows.events(tenantB.tenantId(), deviceA)).isZero();
        assertThat(EdgeRows.events(tenantA.tenantId(), deviceA)).isZero();
    }

    @Test
    void aDevicePublishingUnderAnotherSiteOfItsOwnTenantStoresNothing() {
        UUID device = EdgeRows.registerDevice(tenantA.tenantId(), tenantA.siteIds().get(0));

        assertDropped(DropReason.TOPIC_MISMATCH,
                DevicePayloads.eventsTopic(tenantA.tenantId(), tenantA.siteIds().get(1), device));

        assertThat(EdgeRows.events(tenantA.tenantId(), device)).isZero();
    }

    @Test
    void aDeviceNobodyRegisteredStoresNothing() {
        UUID unregistered = UUID.randomUUID();

        assertDropped(DropReason.UNKNOWN_DEVICE,
                DevicePayloads.eventsTopic(tenantA.tenantId(), tenantA.siteIds().get(0), unregistered));

        assertThat(EdgeRows.events(tenantA.tenantId(), unregistered)).isZero();
    }

    @Test
    void aDisabledDeviceStoresNothingOnceTheChangeHasCommitted() {
        UUID site = tenantA.siteIds().get(1);
        UUID device = EdgeRows.registerDevice(tenantA.tenantId(), site);
        EdgeRows.disableDevice(tenantA.tenantId(), device);
        Eventually.await("the registry heard of the change", Duration.ofSeconds(5),
                () -> directory.cached(device), route -> route != null && !route.enabled());

        assertDropped(DropReason.DISABLED_DEVICE, DevicePayloads.eventsTopic(tenantA.tenantId(), site, device));

        assertThat(EdgeRows.events(tenantA.tenantId(), device)).isZero();
    }

    private void assertDropped(DropReason reason, String topic) {
        double before = IngestReadiness.dropped(meters, reason);
        try (TestMqttClient client = TestDevices.connect()) {
            client.publish(topic, DevicePayloads.event(UUID.randomUUID()).encode());
        }
        Eventually.await(reason.tag() + " counted", Duration.ofSeconds(10), () -> IngestReadiness.dropped(meters, reason),
                count -> count >= before + 1);
    }
}
