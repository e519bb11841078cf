package io.atc.retention.purge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.atc.core.blobs.BlobStore;
import io.atc.retention.deletion.RunSummary;
import io.atc.retention.support.ExpectedDigest;
import io.atc.retention.support.PurgeTestResources;
import io.atc.retention.support.StoredHistory;
import io.atc.retention.support.StoredHistory.Stored;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A purge round deletes exactly the rows older than their site's retention (30 days, the platform
 * default) and of no active hold, in batches of {@value PurgeTestResources#BATCH_SIZE} rows, keeps the
 * site's storage counters equal to its remaining rows, removes the deleted images' blobs, and leaves
 * another tenant's rows alone.
 */
@QuarkusTest
@QuarkusTestResource(PurgeTestResources.class)
class PurgeDeletesExactlyTheExpiredRowsTests {

    private static final Duration EXPIRED = Duration.ofDays(40);
    private static final Duration FRESH = Duration.ofDays(10);

    @Inject
    PurgeExecutor executor;

    @Inject
    SitePurge sitePurge;

    @Inject
    BlobStore blobs;

    /**
     * Breaks when: the predicate ignores received_at (fresh rows go), a site or device hold is not
     * honoured, an expired hold still holds, or the counters are lowered by anything but what was deleted.
     */
    @Test
    void deletesTheExpiredRowsAndKeepsFreshAndHeldOnes() throws Exception {
        StoredHistory history = StoredHistory.newTenant("Purged org", blobs);
        UUID depot = history.site(0);
        UUID harbour = history.site(1);
        UUID camera = UUID.randomUUID();
        UUID heldCamera = UUID.randomUUID();
        UUID onceHeldCamera = UUID.randomUUID();
        List<Stored> expired = new ArrayList<>();
        expired.addAll(history.events(depot, camera, 5, EXPIRED));
        expired.addAll(history.images(depot, camera, 2, EXPIRED));
        expired.addAll(history.events(depot, onceHeldCamera, 2, EXPIRED));
        List<Stored> kept = new ArrayList<>();
        kept.addAll(history.events(depot, camera, 3, FRESH));
        kept.addAll(history.images(depot, camera, 1, FRESH));
        kept.addAll(history.events(depot, heldCamera, 4, EXPIRED));
        kept.addAll(history.images(depot, heldCamera, 1, EXPIRED));
        kept.addAll(history.events(harbour, camera, 3, EXPIRED));
        history.holdDevice(heldCamera, null);
        history.holdDevice(onceHeldCamera, Instant.now().minus(Duration.ofDays(1)));
        history.holdSite(harbour, Instant.now().plus(Duration.ofDays(1)));

        PurgeRound round = executor.runOnce().await().atMost(Duration.ofMinutes(1));

        for (Stored row : expired) {
            assertThat(history.stored(row)).as("expired %s", row).isFalse();
        }
        for (Stored row : kept) {
            assertThat(history.stored(row)).as("kept %s", row).isTrue();
        }
        for (UUID site : List.of(depot, harbour)) {
            String[] storage = history.storageAndRows(site);
            assertThat(storage[0]).as("counters of %s", site).isEqualTo(storage[1]);
        }
        for (Stored row : history.rows()) {
            if (row.image()) {
                assertThat(blobs.read(row.blobKey()).isPresent())
                        .as("blob of %s", row)
                        .isEqualTo(history.stored(row));
            }
        }
        List<RunSummary> mine = round.runs().stream()
                .filter(run -> run.tenantId().equals(history.tenantId()))
                .toList();
        assertThat(mine).as("one run: the held site has none").hasSize(1);
        RunSummary run = mine.get(0);
        assertThat(run.siteId()).isEqualTo(depot);
        assertThat(run.eventsDeleted()).isEqualTo(7);
        assertThat(run.imagesDeleted()).isEqualTo(2);
        assertThat(run.eventBytes()).isEqualTo(bytes(expired, false));
        assertThat(run.imageBytes()).isEqualTo(bytes(expired, true));
        assertThat(run.idsDigestHex())
                .as("7 events and 2 images in batches of 3: four deleting transactions, chained")
                .isEqualTo(ExpectedDigest.of(expired, PurgeTestResources.BATCH_SIZE));
        assertThat(history.count("select count(*) from retention.blob_deletions"))
                .isZero();
    }

    /**
     * Ten expired events with a batch size of 3 take four transactions (3, 3, 3, 1), and the digest
     * chained through them matches only that split. Breaks when: the purge deletes the site in one
     * transaction, or a batch's counts or digest are lost from the run row.
     */
    @Test
    void tenRowsGoInBatchesOfThreeWithExactCounts() {
        StoredHistory history = StoredHistory.newTenant("Batched org", blobs);
        UUID site = history.site(0);
        List<Stored> expired = history.events(site, UUID.randomUUID(), 10, EXPIRED);

        RunSummary run = sitePurge
                .purge(history.tenantId(), site, Instant.now())
                .await()
                .atMost(Duration.ofMinutes(1))
                .orElseThrow();

        assertThat(run.eventsDeleted()).isEqualTo(10);
        assertThat(run.eventBytes()).isEqualTo(bytes(expired, false));
        assertThat(run.idsDigestHex()).isEqualTo(ExpectedDigest.of(expired, 3));
        assertThat(run.idsDigestHex()).isNotEqualTo(ExpectedDigest.of(expired, 10));
        String[] storage = history.storageAndRows(site);
        assertThat(storage[0]).isEqualTo(storage[1]).isEqualTo("0,0,0,0");
    }

    /**
     * A tenant's purge reaches only its own rows, even when asked for another tenant's site id.
     * Breaks when: the purge's statements drop their tenant predicate and run outside the tenant's binding.
     */
    @Test
    void aTenantsPurgeLeavesAnotherTenantsRowsAlone() {
        StoredHistory mine = StoredHistory.newTenant("Own org", blobs);
        StoredHistory theirs = StoredHistory.newTenant("Other org", blobs);
        List<Stored> theirRows = theirs.events(theirs.site(0), UUID.randomUUID(), 4, EXPIRED);

        assertThat(sitePurge
                        .purge(mine.tenantId(), theirs.site(0), Instant.now())
                        .await()
                        .atMost(Duration.ofMinutes(1)))
                .as("no expired row of the tenant at that site: no run")
                .isEmpty();

        for (Stored row : theirRows) {
            assertThat(theirs.stored(row)).isTrue();
        }
        String[] storage = theirs.storageAndRows(theirs.site(0));
        assertThat(storage[0]).isEqualTo(storage[1]);
    }

    private static long bytes(List<Stored> rows, boolean images) {
        return rows.stream()
                .filter(row -> row.image() == images)
                .mapToLong(Stored::bytes)
                .sum();
    }
}
