package io.atc.edge.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import io.atc.devservices.mqtt.DynsecAdmin;
import io.atc.devservices.mqtt.MqttBroker;
import io.atc.testkit.broker.DynsecTestClients;
import io.atc.testkit.orgs.SyntheticOrganisation;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.vertx.core.Vertx;

/** A tenant with four devices on two sites, and a publisher for them on the given broker; then what got stored. */
final class StreamScenario {

    final SyntheticOrganisation org;
    final List<StreamPublisher.Device> devices;
    private final MqttBroker broker;
    private final String password = DynsecAdmin.newPassword();

    StreamScenario(MqttBroker broker, String name) {
        this.broker = broker;
        this.org = SyntheticOrganisations.create(TestDatabase.shared(), name);
        this.devices = Stream.of(0, 0, 1, 1).map(site -> org.siteIds().get(site))
                .map(site -> new StreamPublisher.Device(org.tenantId(), site, EdgeRows.registerDevice(org.tenantId(), site)))
                .toList();
        Vertx vertx = Vertx.vertx();
        try {
            DynsecTestClients.createPublisher(vertx, broker, "stream-publisher", password, "atc/#");
        } finally {
            vertx.close();
        }
    }

    StreamPublisher publisher(int total, int perSecond) {
        return new StreamPublisher(broker, "stream-publisher", password, devices, total, perSecond);
    }

    long stored() {
        return EdgeRows.count(org.tenantId(), "select count(*) from edge.events");
    }

    /** Every acknowledged message is stored, each exactly once, and nothing was stored that was not published. */
    void assertEveryAcknowledgedMessageStoredOnce(StreamPublisher publisher) {
        Set<RowKey> acknowledged = publisher.acknowledged();
        Eventually.await("every acknowledged message stored", Duration.ofSeconds(60), this::stored,
                count -> count >= acknowledged.size());
        List<RowKey> rows = EdgeRows.rows(org.tenantId(), "select device_id, event_id from edge.events").stream()
                .map(row -> new RowKey((UUID) row[0], (UUID) row[1])).toList();
        Set<RowKey> stored = new HashSet<>(rows);
        assertThat(rows).as("no message stored twice").hasSameSizeAs(stored);
        assertThat(stored).as("every message the broker acknowledged").containsAll(acknowledged);
        assertThat(rows.size()).as("nothing beyond what was published").isLessThanOrEqualTo(publisher.attempted());
        assertThat(EdgeRows.count(org.tenantId(), "select coalesce(sum(event_count), 0) from edge.site_storage"))
                .as("storage counts each row once").isEqualTo(rows.size());
    }
}
