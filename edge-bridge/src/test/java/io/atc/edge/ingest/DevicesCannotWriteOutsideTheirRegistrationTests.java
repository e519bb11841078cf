package io.atc.edge.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
 * The bridge decides where a message lands from the device's registration, never from the topic:
 * a message whose topic names another tenant or another site than the device is registered to is
 * dropped and counted, and so are messages of unknown and disabled devices. The broker's ACLs
 * stop these first (DeviceCannotPublishOutsideItsOwnTopicsTests, RevokedDeviceCredentialsStopWorkingTests);
 * this is the second wall, so the publisher here stands in for a message that got past them.
 * Breaks when: IngestPipeline.route stops checking DeviceRoute.registeredFor (checked: both mismatch cases
 * then fail, nothing is counted and the event is stored under the device's registration), or routes
 * by the topic's ids.
 */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
@TestProfile(IngestRunning.class)
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
        RegisteredDevice deviceA = register(tenantA, 0);
        UUID siteB = tenantB.siteIds().get(0);

        assertDropped(
                DropReason.TOPIC_MISMATCH, RegisteredDevice.topic(tenantB.tenantId(), siteB, deviceA.id(), "events"));

        assertThat(EdgeRows.events(tenantB.tenantId(), deviceA.id())).isZero();
        assertThat(EdgeRows.events(tenantA.tenantId(), deviceA.id())).isZero();
    }

    @Test
    void aDevicePublishingUnderAnotherSiteOfItsOwnTenantStoresNothing() {
        RegisteredDevice device = register(tenantA, 0);

        assertDropped(
                DropReason.TOPIC_MISMATCH,
                RegisteredDevice.topic(tenantA.tenantId(), tenantA.siteIds().get(1), device.id(), "events"));

        assertThat(EdgeRows.events(tenantA.tenantId(), device.id())).isZero();
    }

    @Test
    void aDeviceNobodyRegisteredStoresNothing() {
        UUID unregistered = UUID.randomUUID();

        assertDropped(
                DropReason.UNKNOWN_DEVICE,
                RegisteredDevice.topic(tenantA.tenantId(), tenantA.siteIds().get(0), unregistered, "events"));

        assertThat(EdgeRows.events(tenantA.tenantId(), unregistered)).isZero();
    }

    @Test
    void aDisabledDeviceStoresNothingOnceTheChangeHasCommitted() {
        RegisteredDevice device = register(tenantA, 1);
        DeviceApi.patch(device, "{\"enabled\": false}").then().statusCode(200);
        Eventually.await(
                "the registry heard of the change",
                Duration.ofSeconds(5),
                () -> directory.cached(device.id()),
                route -> route != null && !route.enabled());

        assertDropped(DropReason.DISABLED_DEVICE, device.topic("events"));

        assertThat(EdgeRows.events(tenantA.tenantId(), device.id())).isZero();
    }

    private static RegisteredDevice register(SyntheticOrganisation org, int site) {
        return DeviceApi.register(org.tenantId(), org.siteIds().get(site), DeviceApi.uniqueName("Camera"));
    }

    private void assertDropped(DropReason reason, String topic) {
        double before = IngestReadiness.dropped(meters, reason);
        try (TestMqttClient client = AclBypassingPublisher.connect()) {
            client.publish(topic, DevicePayloads.event(UUID.randomUUID()).encode());
        }
        Eventually.await(
                reason.tag() + " counted",
                Duration.ofSeconds(10),
                () -> IngestReadiness.dropped(meters, reason),
                count -> count >= before + 1);
    }
}
