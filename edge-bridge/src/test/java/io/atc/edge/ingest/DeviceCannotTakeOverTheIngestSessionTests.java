package io.atc.edge.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.atc.edge.config.EdgeConfig;
import io.atc.edge.pki.DeviceCertificatesApi;
import io.atc.edge.support.BrokerAdmin;
import io.atc.edge.support.ClientIdClaims;
import io.atc.edge.support.DeviceApi;
import io.atc.edge.support.EdgeBridgeTestResources;
import io.atc.edge.support.Eventually;
import io.atc.edge.support.RegisteredDevice;
import io.atc.edge.support.TestBroker;
import io.atc.testkit.mqtt.TestMqttClient;
import io.atc.testkit.orgs.SyntheticOrganisation;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The ingest bridge's persistent session belongs to the bridge: a hostile device of tenant A, with
 * its own valid password and certificate, asks for the ingest's client id on both listeners.
 * <ul>
 * <li>with a persistent session, while the bridge is connected: the bridge is not disconnected (no
 * takeover, no flapping), and it goes on storing;</li>
 * <li>with a clean session, while the bridge is away and tenant B's events, already acknowledged to
 * B's device by the broker, wait in its session: the session keeps them, and every one is stored
 * once the bridge is back. Acknowledged data is never discarded.</li>
 * </ul>
 * Breaks when: device clients are created without their {@code clientid}, or the TLS listener loses
 * {@code use_username_as_clientid} (seen on main before the fix: the device's password login took
 * the live session over, and its clean-session login wiped B's queued events, never stored).
 */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
@TestProfile(IngestRunning.class)
class DeviceCannotTakeOverTheIngestSessionTests {

    private static final String TAKEOVER = "Client %s already connected, closing old connection";

    private static SyntheticOrganisation tenantA;
    private static SyntheticOrganisation tenantB;

    @Inject
    MeterRegistry meters;

    @Inject
    EdgeConfig config;

    @BeforeAll
    static void tenants() {
        tenantA = SyntheticOrganisations.create(TestDatabase.shared(), "Ingest claimant org");
        tenantB = SyntheticOrganisations.create(TestDatabase.shared(), "Ingest victim org");
    }

    @BeforeEach
    void ingestIsSubscribed() {
        IngestReadiness.await(meters);
    }

    @AfterEach
    void brokerReachable() {
        EdgeBridgeTestResources.link().restore();
    }

    @Test
    void aDeviceClaimingTheIngestsClientIdLeavesTheLiveBridgeConnected() {
        RegisteredDevice attacker = DeviceApi.registerAt(tenantA, 0);
        TestMqttClient.TlsIdentity certificate = DeviceCertificatesApi.identity(DeviceCertificatesApi.issue(attacker));
        RegisteredDevice victim = DeviceApi.registerAt(tenantB, 0);
        int logBefore = TestBroker.log().length();

        assertThat(ClientIdClaims.withPassword(
                                attacker.username(),
                                attacker.password(),
                                config.ingest().clientId(),
                                false)
                        .refused())
                .as("password login under the ingest's client id")
                .isTrue();
        assertThat(ClientIdClaims.withCertificate(
                                certificate,
                                attacker.certificateUsername(),
                                config.ingest().clientId(),
                                false)
                        .clientId())
                .as("certificate login's client id")
                .isEqualTo(attacker.certificateUsername());

        assertThat(TestBroker.log().substring(logBefore))
                .doesNotContain(TAKEOVER.formatted(config.ingest().clientId()));
        List<UUID> published = publish(victim, 3);
        Eventually.await(
                "the bridge stores on",
                Duration.ofSeconds(20),
                () -> EdgeRows.events(tenantB.tenantId(), victim.id()),
                stored -> stored == published.size());
    }

    @Test
    void acknowledgedEventsWaitingInTheIngestsSessionSurviveADeviceClaimingItWithACleanSession() {
        RegisteredDevice attacker = DeviceApi.registerAt(tenantA, 1);
        TestMqttClient.TlsIdentity certificate = DeviceCertificatesApi.identity(DeviceCertificatesApi.issue(attacker));
        RegisteredDevice victim = DeviceApi.registerAt(tenantB, 1);

        EdgeBridgeTestResources.link().cut();
        Eventually.await(
                "the bridge is away",
                Duration.ofSeconds(20),
                () -> meters.get(IngestMetrics.CONNECTED).gauge().value(),
                connected -> connected == 0.0);
        List<UUID> acknowledged = publish(victim, 5);

        assertThat(ClientIdClaims.withPassword(
                                attacker.username(),
                                attacker.password(),
                                config.ingest().clientId(),
                                true)
                        .refused())
                .as("clean-session password login under the ingest's client id")
                .isTrue();
        assertThat(ClientIdClaims.withCertificate(
                                certificate,
                                attacker.certificateUsername(),
                                config.ingest().clientId(),
                                true)
                        .clientId())
                .as("clean-session certificate login's client id")
                .isEqualTo(attacker.certificateUsername());
        EdgeBridgeTestResources.link().restore();

        Eventually.await(
                "every acknowledged event stored",
                Duration.ofSeconds(30),
                () -> EdgeRows.events(tenantB.tenantId(), victim.id()),
                stored -> stored == acknowledged.size());
    }

    /** Publishes events as the device; each returns once the broker acknowledged it (PUBACK). */
    private static List<UUID> publish(RegisteredDevice device, int count) {
        List<UUID> acknowledged = new ArrayList<>();
        try (TestMqttClient client = BrokerAdmin.connect(device)) {
            for (int i = 0; i < count; i++) {
                UUID eventId = UUID.randomUUID();
                client.publish(
                        device.topic("events"), DevicePayloads.event(eventId).encode());
                acknowledged.add(eventId);
            }
        }
        return acknowledged;
    }
}
