package io.atc.retention.purge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.atc.core.blobs.BlobStore;
import io.atc.retention.support.PurgeTestResources;
import io.atc.retention.support.StoredHistory;
import io.atc.retention.support.StoredHistory.Stored;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The blob outbox: an image row's delete queues its blob in the same transaction, and the blob goes
 * only after that commit. A crash between the two (here: the site's purge ran, the drain did not)
 * leaves queue rows, and the next round deletes those blobs; a blob whose key an image row names again
 * is never deleted.
 */
@QuarkusTest
@QuarkusTestResource(PurgeTestResources.class)
class BlobsGoOnlyAfterTheirRowsAndNeverWhileReferencedTests {

    @Inject
    PurgeExecutor executor;

    @Inject
    SitePurge sitePurge;

    @Inject
    BlobStore blobs;

    /**
     * Breaks when: blobs are deleted before (or without) their rows' commit, the queue row is not
     * written in the deleting transaction, or recovery does not drain a queue a crash left.
     */
    @Test
    void aCrashBeforeTheBlobDeletesLeavesQueueRowsTheNextRoundFinishes() throws Exception {
        StoredHistory history = StoredHistory.newTenant("Crashed blob org", blobs);
        UUID site = history.site(0);
        List<Stored> images = history.images(site, UUID.randomUUID(), 5, Duration.ofDays(60));

        sitePurge.purge(history.tenantId(), site, Instant.now()).await().atMost(Duration.ofMinutes(1));

        assertThat(history.count("select count(*) from edge.images")).isZero();
        assertThat(history.count("select count(*) from retention.blob_deletions"))
                .as("queued with the rows' delete")
                .isEqualTo(5);
        for (Stored image : images) {
            assertThat(blobs.read(image.blobKey())).as("not yet deleted").isPresent();
        }

        executor.runOnce().await().atMost(Duration.ofMinutes(1));

        assertThat(history.count("select count(*) from retention.blob_deletions"))
                .isZero();
        for (Stored image : images) {
            assertThat(blobs.read(image.blobKey()))
                    .as("deleted by the next round")
                    .isEmpty();
        }
    }

    /**
     * Breaks when: the drain deletes a queued blob without checking that no image row names its key
     * any more (a device re-sent the image after its row was purged).
     */
    @Test
    void aQueuedBlobWhoseKeyIsReferencedAgainIsKept() throws Exception {
        StoredHistory history = StoredHistory.newTenant("Re-sent image org", blobs);
        UUID site = history.site(0);
        Stored old =
                history.images(site, UUID.randomUUID(), 1, Duration.ofDays(60)).get(0);
        Stored gone =
                history.images(site, UUID.randomUUID(), 1, Duration.ofDays(60)).get(0);
        sitePurge.purge(history.tenantId(), site, Instant.now()).await().atMost(Duration.ofMinutes(1));
        Stored resent = history.reReference(old, Duration.ZERO);

        executor.runOnce().await().atMost(Duration.ofMinutes(1));

        assertThat(history.stored(resent)).isTrue();
        assertThat(blobs.read(old.blobKey()))
                .as("still referenced by the re-sent image")
                .isPresent();
        assertThat(blobs.read(gone.blobKey())).isEmpty();
        assertThat(history.count("select count(*) from retention.blob_deletions"))
                .isZero();
    }
}
