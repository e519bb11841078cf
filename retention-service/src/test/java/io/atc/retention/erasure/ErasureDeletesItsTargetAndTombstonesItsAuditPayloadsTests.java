package io.atc.retention.erasure;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.atc.core.blobs.BlobStore;
import io.atc.core.tenancy.TenantTransactions;
import io.atc.retention.support.AuditedSubjects;
import io.atc.retention.support.ExpectedDigest;
import io.atc.retention.support.PurgeTestResources;
import io.atc.retention.support.StoredHistory;
import io.atc.retention.support.StoredHistory.Stored;
import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * {@code POST /v1/erasures} deletes every stored event and image of its device or site whatever their
 * age (and their blobs), keeps the counters exact, tombstones the audit payloads about the target and
 * answers with a receipt that names its run, counts, digest, the tombstoned seqs and its audit event:
 * an "audit.erasure" event listing exactly those seqs (what the chain verifier requires of a tombstone).
 */
@QuarkusTest
@QuarkusTestResource(PurgeTestResources.class)
class ErasureDeletesItsTargetAndTombstonesItsAuditPayloadsTests {

    @Inject
    BlobStore blobs;

    @Inject
    TenantTransactions transactions;

    /**
     * Breaks when: the erasure keeps young rows (a cutoff), deletes another device's rows, leaves
     * the payloads about the device, tombstones without an audit.erasure event listing the seqs, or
     * leaves the erased images' blobs.
     */
    @Test
    void erasingADeviceDeletesAllItsRowsEverywhereAndTombstonesItsAuditPayloads() throws Exception {
        StoredHistory history = StoredHistory.newTenant("Erased device org", blobs);
        UUID device = UUID.randomUUID();
        UUID neighbour = UUID.randomUUID();
        List<Stored> erased = new ArrayList<>();
        erased.addAll(history.events(history.site(0), device, 4, Duration.ofDays(1)));
        erased.addAll(history.events(history.site(1), device, 2, Duration.ofDays(100)));
        erased.addAll(history.images(history.site(0), device, 2, Duration.ofHours(1)));
        List<Stored> kept = history.events(history.site(0), neighbour, 3, Duration.ofDays(100));
        AuditedSubjects.eventAbout(transactions, history.tenantId(), "device:" + device);
        AuditedSubjects.eventAbout(transactions, history.tenantId(), "device:" + neighbour);

        JsonPath receipt = given().auth()
                .oauth2(InternalTokens.forTenant(history.tenantId(), "admin"))
                .contentType("application/json")
                .body("{\"deviceId\":\"" + device + "\",\"reason\":\"GDPR art. 17 request #9\"}")
                .post("/v1/erasures")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();

        for (Stored row : erased) {
            assertThat(history.stored(row)).as("erased %s", row).isFalse();
            if (row.image()) {
                assertThat(blobs.read(row.blobKey())).isEmpty();
            }
        }
        for (Stored row : kept) {
            assertThat(history.stored(row)).isTrue();
        }
        for (int i = 0; i < 2; i++) {
            String[] storage = history.storageAndRows(history.site(i));
            assertThat(storage[0]).isEqualTo(storage[1]);
        }
        assertThat(receipt.getString("target")).isEqualTo("device:" + device);
        assertThat(receipt.getLong("eventsDeleted")).isEqualTo(6);
        assertThat(receipt.getLong("imagesDeleted")).isEqualTo(2);
        assertThat(receipt.getLong("eventBytes"))
                .isEqualTo(erased.stream()
                        .filter(r -> !r.image())
                        .mapToLong(Stored::bytes)
                        .sum());
        assertThat(receipt.getString("idsDigest")).isEqualTo(ExpectedDigest.of(erased, PurgeTestResources.BATCH_SIZE));
        List<Long> tombstoned = receipt.getList("tombstonedSeqs", Long.class);
        assertThat(tombstoned)
                .as("the one event about the device, the neighbour's kept")
                .hasSize(1);
        long auditSeq = receipt.getLong("auditSeq");

        try (Connection owner = TestDatabase.shared().connectAsOwner()) {
            owner.setAutoCommit(false);
            SyntheticOrganisations.bindTenant(owner, history.tenantId());
            try (PreparedStatement query = owner.prepareStatement(
                    "select seq, target, action, payload::text as payload, tombstoned_at from audit.events"
                            + " where seq = ? or seq = ? order by seq")) {
                query.setLong(1, tombstoned.get(0));
                query.setLong(2, auditSeq);
                try (ResultSet row = query.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getString("target")).isEqualTo("device:" + device);
                    assertThat(row.getString("payload")).as("tombstoned").isNull();
                    assertThat(row.getObject("tombstoned_at")).isNotNull();
                    assertThat(row.next()).isTrue();
                    assertThat(row.getString("action")).isEqualTo("audit.erasure");
                    assertThat(row.getString("target")).isEqualTo("audit:erasure");
                    io.vertx.core.json.JsonObject payload = new io.vertx.core.json.JsonObject(row.getString("payload"));
                    assertThat(payload.getJsonArray("erasedSeqs").getList()).hasSize(1);
                    assertThat(payload.getJsonArray("erasedSeqs").getLong(0)).isEqualTo(tombstoned.get(0));
                    assertThat(payload.getString("runId")).isEqualTo(receipt.getString("erasureId"));
                    assertThat(payload.getString("idsDigest")).isEqualTo(receipt.getString("idsDigest"));
                    assertThat(row.getString("payload")).as("never the subject").doesNotContain(device.toString());
                }
            }
            owner.rollback();
        }
        assertThat(history.count(
                        "select count(*) from retention.runs where kind = 'erasure' and status = 'finished'"
                                + " and device_id = ? and audit_seq = ?",
                        device,
                        auditSeq))
                .isEqualTo(1);
    }

    /** Breaks when: a site erasure keeps rows of the site, or deletes rows of the tenant's other site. */
    @Test
    void erasingASiteDeletesAllItsRowsAndNoOtherSites() {
        StoredHistory history = StoredHistory.newTenant("Erased site org", blobs);
        List<Stored> erased =
                new ArrayList<>(history.events(history.site(0), UUID.randomUUID(), 7, Duration.ofMinutes(5)));
        erased.addAll(history.images(history.site(0), UUID.randomUUID(), 1, Duration.ofMinutes(5)));
        List<Stored> kept = history.events(history.site(1), UUID.randomUUID(), 2, Duration.ofDays(300));

        given().auth()
                .oauth2(InternalTokens.forTenant(history.tenantId(), "admin"))
                .contentType("application/json")
                .body("{\"siteId\":\"" + history.site(0) + "\",\"reason\":\"site decommissioned\"}")
                .post("/v1/erasures")
                .then()
                .statusCode(201)
                .body("target", org.hamcrest.Matchers.equalTo("site:" + history.site(0)))
                .body("eventsDeleted", org.hamcrest.Matchers.equalTo(7))
                .body("imagesDeleted", org.hamcrest.Matchers.equalTo(1));

        erased.forEach(row -> assertThat(history.stored(row)).isFalse());
        kept.forEach(row -> assertThat(history.stored(row)).isTrue());
        assertThat(history.storageAndRows(history.site(0))[0]).isEqualTo("0,0,0,0");
    }
}
