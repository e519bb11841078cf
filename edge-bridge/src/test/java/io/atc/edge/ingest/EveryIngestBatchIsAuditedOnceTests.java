package io.atc.edge.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.atc.core.audit.AuditPayloads;
import io.atc.core.audit.AuditRecordHash;
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
 * Every committed ingest batch leaves exactly one audit event in the tenant's chain, in the same
 * transaction (so its occurred_at is the received_at of the rows it stored), committing to the
 * batch: the count and the SHA-256 of the ids it stored, which anyone can recompute from the rows.
 * The chain then verifies from its stored fields. Breaks when: a batch writes without
 * TenantTransactions.mutate (rows without an audit event), or appends twice, or the digest
 * commits to other rows than those stored.
 */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
@TestProfile(IngestRunning.class)
class EveryIngestBatchIsAuditedOnceTests {

    private static final int EVENTS = 300;

    @Inject
    MeterRegistry meters;

    @BeforeEach
    void ingestIsSubscribed() {
        IngestReadiness.await(meters);
    }

    @Test
    void eachBatchHasOneAuditEventThatCommitsToItsRowsAndTheChainVerifies() throws Exception {
        SyntheticOrganisation org = SyntheticOrganisations.create(TestDatabase.shared(), "Audited ingest org");
        List<UUID> sites = org.siteIds();
        List<RegisteredDevice> devices = List.of(
                DeviceApi.register(org.tenantId(), sites.get(0), "Camera 1"),
                DeviceApi.register(org.tenantId(), sites.get(0), "Camera 2"),
                DeviceApi.register(org.tenantId(), sites.get(1), "Camera 3"));

        List<TestMqttClient> clients =
                devices.stream().map(BrokerAdmin::connect).toList();
        try {
            for (int i = 0; i < EVENTS; i++) {
                int d = i % devices.size();
                clients.get(d)
                        .publish(
                                devices.get(d).topic("events"),
                                DevicePayloads.event(UUID.randomUUID()).encode());
            }
        } finally {
            clients.forEach(TestMqttClient::close);
        }
        Eventually.await(
                "all events stored",
                Duration.ofSeconds(20),
                () -> SyntheticOrganisations.countAsTenant(org.tenantId(), "select count(*) from edge.events"),
                n -> n == EVENTS);

        List<Object[]> batches = EdgeRows.rows(
                org.tenantId(),
                "select occurred_at, payload::text, actor, target from audit.events where action = ? order by seq",
                BatchWriter.ACTION);
        long audited = 0;
        Set<OffsetDateTime> batchTimes = new HashSet<>();
        for (Object[] batch : batches) {
            OffsetDateTime committedAt = (OffsetDateTime) batch[0];
            JsonObject payload = new JsonObject((String) batch[1]);
            assertThat(batch[2]).isEqualTo(BatchWriter.ACTOR);
            assertThat(batchTimes.add(committedAt))
                    .as("one audit event per batch transaction")
                    .isTrue();
            List<RowKey> rows = storedAt(org.tenantId(), committedAt);
            assertThat(rows).hasSize(payload.getInteger("events"));
            assertThat(payload.getString("events_sha256")).isEqualTo(BatchDigest.of(rows));
            assertThat(payload.getInteger("images")).isZero();
            audited += payload.getInteger("events");
        }
        assertThat(audited).isEqualTo(EVENTS);
        assertThat(SyntheticOrganisations.countAsTenant(
                        org.tenantId(), "select count(distinct received_at) from edge.events"))
                .isEqualTo(batches.size());
        assertChainVerifies(org.tenantId());
    }

    /** The rows a batch stored: its transaction's timestamp is their received_at. */
    private static List<RowKey> storedAt(UUID tenant, OffsetDateTime committedAt) {
        return EdgeRows.rows(
                        tenant,
                        "select device_id, event_id from edge.events where received_at = ? order by device_id, event_id",
                        committedAt)
                .stream()
                .map(row -> new RowKey((UUID) row[0], (UUID) row[1]))
                .toList();
    }

    /** Recomputes the chain from its stored fields: consecutive seqs, each linked to the previous hash, each hash and payload commitment. */
    private static void assertChainVerifies(UUID tenant) {
        List<Object[]> chain = EdgeRows.inTenant(tenant, app -> {
            try (PreparedStatement query = app.prepareStatement("""
                    select seq, prev_hash, hash, occurred_at, actor, action, target, payload::text, payload_salt, payload_hash
                      from audit.events order by seq
                    """);
                    ResultSet rows = query.executeQuery()) {
                List<Object[]> all = new ArrayList<>();
                while (rows.next()) {
                    all.add(new Object[] {
                        rows.getLong(1),
                        rows.getBytes(2),
                        rows.getBytes(3),
                        rows.getObject(4, OffsetDateTime.class),
                        rows.getString(5),
                        rows.getString(6),
                        rows.getString(7),
                        rows.getString(8),
                        rows.getBytes(9),
                        rows.getBytes(10)
                    });
                }
                return all;
            }
        });
        byte[] previous = AuditRecordHash.GENESIS_PREV;
        for (int i = 0; i < chain.size(); i++) {
            Object[] row = chain.get(i);
            assertThat(row[0]).isEqualTo((long) i);
            assertThat((byte[]) row[1]).as("link of seq %d", i).isEqualTo(previous);
            byte[] recomputed = AuditRecordHash.v1(
                    tenant,
                    i,
                    previous,
                    ((OffsetDateTime) row[3]).toInstant(),
                    (String) row[4],
                    (String) row[5],
                    (String) row[6],
                    (byte[]) row[9]);
            assertThat((byte[]) row[2]).as("hash of seq %d", i).isEqualTo(recomputed);
            byte[] canonical = AuditPayloads.canonicalJson((String) row[7]);
            assertThat(AuditPayloads.payloadHash((byte[]) row[8], canonical))
                    .as("payload of seq %d", i)
                    .isEqualTo((byte[]) row[9]);
            previous = (byte[]) row[2];
        }
        assertThat(chain).hasSizeGreaterThan(1);
        List<Object[]> head = EdgeRows.rows(tenant, "select seq, head_hash from audit.chain_heads");
        assertThat(head).hasSize(1);
        assertThat(head.get(0)[0]).isEqualTo((long) chain.size() - 1);
        assertThat((byte[]) head.get(0)[1]).as("head").isEqualTo(previous);
    }
}
