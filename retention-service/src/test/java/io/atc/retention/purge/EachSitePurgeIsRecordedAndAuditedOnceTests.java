package io.atc.retention.purge;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.atc.core.blobs.BlobStore;
import io.atc.retention.support.ExpectedDigest;
import io.atc.retention.support.PurgeTestResources;
import io.atc.retention.support.StoredHistory;
import io.atc.retention.support.StoredHistory.Stored;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/**
 * Each site a round purges has one finished run row and exactly one "retention.purged" audit event,
 * whose payload commits to the run's counts, bytes, cutoffs and the digest of the deleted ids (which a
 * reader recomputes from those ids), and whose seq the run row records. A site with nothing expired
 * gets neither. Breaks when: a batch appends its own audit event, the run's event is missing or
 * disagrees with the run row, or the digest is not the one of the deleted ids.
 */
@QuarkusTest
@QuarkusTestResource(PurgeTestResources.class)
class EachSitePurgeIsRecordedAndAuditedOnceTests {

    @Inject
    PurgeExecutor executor;

    @Inject
    BlobStore blobs;

    @Test
    void oneRunAndOneAuditEventPerSitePurged() throws Exception {
        StoredHistory history = StoredHistory.newTenant("Audited purge org", blobs);
        UUID depot = history.site(0);
        UUID harbour = history.site(1);
        List<Stored> expired = new ArrayList<>();
        expired.addAll(history.events(depot, UUID.randomUUID(), 4, Duration.ofDays(31)));
        expired.addAll(history.images(depot, UUID.randomUUID(), 4, Duration.ofDays(45)));
        history.events(harbour, UUID.randomUUID(), 2, Duration.ofDays(2));
        long eventsBefore = history.count("select count(*) from audit.events");

        executor.runOnce().await().atMost(Duration.ofMinutes(1));
        executor.runOnce().await().atMost(Duration.ofMinutes(1));

        assertThat(history.count("select count(*) from audit.events"))
                .as("one event: the depot's purge; the harbour had nothing expired, the second round nothing left")
                .isEqualTo(eventsBefore + 1);
        assertThat(history.count("select count(*) from retention.runs")).isEqualTo(1);
        try (Connection owner = TestDatabase.shared().connectAsOwner()) {
            owner.setAutoCommit(false);
            SyntheticOrganisations.bindTenant(owner, history.tenantId());
            try (PreparedStatement query = owner.prepareStatement("""
                    select r.run_id, r.kind, r.site_id, r.status, r.events_deleted, r.event_bytes,
                           r.images_deleted, r.image_bytes, r.ids_digest, r.audit_seq, r.requested_by,
                           e.seq, e.action, e.target, e.actor, e.payload::text as payload
                      from retention.runs r join audit.events e on e.tenant_id = r.tenant_id and e.seq = r.audit_seq
                    """);
                    ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("the run names its audit event").isTrue();
                assertThat(row.getString("kind")).isEqualTo("purge");
                assertThat(row.getObject("site_id", UUID.class)).isEqualTo(depot);
                assertThat(row.getString("status")).isEqualTo("finished");
                assertThat(row.getLong("events_deleted")).isEqualTo(4);
                assertThat(row.getLong("images_deleted")).isEqualTo(4);
                assertThat(row.getString("action")).isEqualTo("retention.purged");
                assertThat(row.getString("target")).isEqualTo("site:" + depot);
                assertThat(row.getString("actor")).isEqualTo("platform:retention-purge");
                String digest = HexFormat.of().formatHex(row.getBytes("ids_digest"));
                assertThat(digest).isEqualTo(ExpectedDigest.of(expired, PurgeTestResources.BATCH_SIZE));
                JsonObject payload = new JsonObject(row.getString("payload"));
                assertThat(payload.getString("runId")).isEqualTo(row.getString("run_id"));
                assertThat(payload.getLong("eventsDeleted")).isEqualTo(4);
                assertThat(payload.getLong("eventBytes")).isEqualTo(row.getLong("event_bytes"));
                assertThat(payload.getLong("imagesDeleted")).isEqualTo(4);
                assertThat(payload.getLong("imageBytes")).isEqualTo(row.getLong("image_bytes"));
                assertThat(payload.getString("idsDigest")).isEqualTo(digest);
                assertThat(payload.getString("eventsCutoff")).isNotBlank();
                assertThat(payload.getString("imagesCutoff")).isNotBlank();
                assertThat(row.next()).isFalse();
            }
            owner.rollback();
        }
    }
}
