package io.atc.edge.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import io.atc.devservices.mqtt.MqttBroker;
import io.atc.edge.support.DeviceApi;
import io.atc.edge.support.Eventually;
import io.atc.edge.support.RegisteredDevice;
import io.atc.testkit.orgs.SyntheticOrganisation;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.atc.testkit.quarkus.PackagedService;

/**
 * A tenant with four devices on two sites, registered through a running bridge's API, and a
 * publisher for them on the given broker; then what got stored.
 */
final class StreamScenario {

    final SyntheticOrganisation org;
    private final MqttBroker broker;
    private final List<RegisteredDevice> devices;

    StreamScenario(MqttBroker broker, PackagedService bridge, String name) {
        this.broker = broker;
        this.org = SyntheticOrganisations.create(TestDatabase.shared(), name);
        this.devices = IntStream.range(0, 4)
                .mapToObj(i -> DeviceApi.register(
                        bridge.url(), org.tenantId(), org.siteIds().get(i / 2), "Stream camera " + i))
                .toList();
    }

    StreamPublisher publisher(int total, int perSecond) {
        return new StreamPublisher(broker, devices, total, perSecond);
    }

    long stored() {
        return SyntheticOrganisations.countAsTenant(org.tenantId(), "select count(*) from edge.events");
    }

    /** Every acknowledged message is stored, each exactly once, and nothing was stored that was not published. */
    void assertEveryAcknowledgedMessageStoredOnce(StreamPublisher publisher) {
        Set<RowKey> acknowledged = publisher.acknowledged();
        Eventually.await(
                "every acknowledged message stored",
                Duration.ofSeconds(60),
                this::stored,
                count -> count >= acknowledged.size());
        List<RowKey> rows = EdgeRows.rows(org.tenantId(), "select device_id, event_id from edge.events").stream()
                .map(row -> new RowKey((UUID) row[0], (UUID) row[1]))
                .toList();
        Set<RowKey> stored = new HashSet<>(rows);
        assertThat(rows).as("no message stored twice").hasSameSizeAs(stored);
        assertThat(stored).as("every message the broker acknowledged").containsAll(acknowledged);
        assertThat(rows.size()).as("nothing beyond what was published").isLessThanOrEqualTo(publisher.attempted());
        assertThat(SyntheticOrganisations.countAsTenant(
                        org.tenantId(), "select coalesce(sum(event_count), 0) from edge.site_storage"))
                .as("storage counts each row once")
                .isEqualTo(rows.size());
    }
}
