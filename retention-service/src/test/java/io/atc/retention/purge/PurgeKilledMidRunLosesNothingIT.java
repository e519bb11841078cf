package io.atc.retention.purge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.atc.core.blobs.FilesystemBlobStore;
import io.atc.retention.support.PackagedRetention;
import io.atc.retention.support.StoredHistory;
import io.atc.retention.support.StoredHistory.Stored;
import io.atc.testkit.postgres.TestDatabase;
import io.atc.testkit.quarkus.PackagedService;

/**
 * The packaged retention-service, SIGKILLed while it purges a site of thousands of expired images in
 * batches of 20: every batch that committed is recorded exactly (the site's counters equal its
 * remaining rows, the running run's counts equal what is gone), no row is half deleted, no blob of a
 * remaining image is gone and every blob left behind is either referenced or queued (no orphan). The
 * next start's first round finishes the run: everything expired is gone with its blobs, the fresh
 * images and their blobs stay, and one audit event commits to the whole run.
 * Breaks when: a batch commits its delete without its counters, queue rows or run row (one of them in
 * another transaction), blobs are deleted before their rows commit, or recovery ignores a running run.
 */
class PurgeKilledMidRunLosesNothingIT {

    private static final int EXPIRED_IMAGES = 2_000;
    private static final int FRESH_IMAGES = 20;

    @Test
    void killedMidPurgeThenRestartedFinishesTheRunWithNothingLostOrOrphaned() throws Exception {
        Path blobDir = Files.createTempDirectory("atc-retention-it-blobs-");
        FilesystemBlobStore blobs = new FilesystemBlobStore(blobDir);
        StoredHistory history = StoredHistory.newTenant("Killed purge org", blobs);
        UUID site = history.site(0);
        history.events(site, UUID.randomUUID(), 40, Duration.ofDays(90));
        history.images(site, UUID.randomUUID(), EXPIRED_IMAGES, Duration.ofDays(90));
        List<Stored> fresh = history.images(site, UUID.randomUUID(), FRESH_IMAGES, Duration.ofDays(1));
        Map<String, String> settings = Map.of(
                "ATC_RETENTION_PURGE_INTERVAL", "1s",
                "ATC_RETENTION_PURGE_BATCH_SIZE", "20");

        try (PackagedService first = PackagedRetention.start(blobDir, settings)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (history.count("select coalesce(sum(images_deleted), 0) from retention.runs") == 0) {
                assertThat(System.nanoTime())
                        .as("a first image batch committed")
                        .isLessThan(deadline);
                Thread.sleep(10);
            }
            first.kill();
        }

        long remainingImages = history.count("select count(*) from edge.images where site_id = ?", site);
        assertThat(remainingImages)
                .as("killed mid-run, not after it")
                .isGreaterThan(FRESH_IMAGES)
                .isLessThan(EXPIRED_IMAGES + FRESH_IMAGES);
        String[] storage = history.storageAndRows(site);
        assertThat(storage[0]).as("counters equal the remaining rows").isEqualTo(storage[1]);
        assertThat(history.count("select count(*) from retention.runs where status = 'running'"))
                .isEqualTo(1);
        assertThat(history.count("select images_deleted from retention.runs"))
                .as("the run recorded exactly what is gone")
                .isEqualTo(EXPIRED_IMAGES + FRESH_IMAGES - remainingImages);
        assertNoBlobLostOrOrphaned(history, blobDir);

        try (PackagedService second = PackagedRetention.start(blobDir, settings)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (history.count("select count(*) from retention.runs where status = 'running'") > 0
                    || history.count("select count(*) from retention.blob_deletions") > 0) {
                assertThat(System.nanoTime())
                        .as("the next run finished the job:\n" + second.logTail(30))
                        .isLessThan(deadline);
                Thread.sleep(100);
            }
        }

        assertThat(history.count("select count(*) from edge.events")
                        + history.count(
                                "select count(*) from edge.images where received_at < now() - interval '30 days'"))
                .as("nothing expired left")
                .isZero();
        assertThat(history.count("select count(*) from edge.images")).isEqualTo(FRESH_IMAGES);
        for (Stored row : fresh) {
            assertThat(blobs.read(row.blobKey())).isPresent();
        }
        storage = history.storageAndRows(site);
        assertThat(storage[0]).isEqualTo(storage[1]).startsWith("0,0," + FRESH_IMAGES + ",");
        assertThat(blobFiles(blobDir)).as("only the fresh images' blobs").hasSize(FRESH_IMAGES);
        assertThat(history.count(
                        "select count(*) from retention.runs where status = 'finished'"
                                + " and events_deleted = 40 and images_deleted = ? and audit_seq is not null",
                        EXPIRED_IMAGES))
                .as("the interrupted run, finished with all it deleted")
                .isEqualTo(1);
        assertThat(history.count("select count(*) from audit.events where action = 'retention.purged'"))
                .isEqualTo(1);
    }

    /** Every stored image has its blob; every blob file is an image's or queued for deletion. */
    private static void assertNoBlobLostOrOrphaned(StoredHistory history, Path blobDir) throws Exception {
        List<String> files = blobFiles(blobDir);
        try (Connection owner = TestDatabase.shared().connectAsRetention()) {
            owner.setAutoCommit(false);
            io.atc.testkit.orgs.SyntheticOrganisations.bindTenant(owner, history.tenantId());
            List<String> referenced = keys(owner, "select blob_key from edge.images");
            List<String> queued = keys(owner, "select blob_key from retention.blob_deletions");
            assertThat(files).as("no referenced blob lost").containsAll(referenced);
            List<String> explained = new ArrayList<>(referenced);
            explained.addAll(queued);
            assertThat(explained).as("no orphaned blob").containsAll(files);
            owner.rollback();
        }
    }

    private static List<String> keys(Connection connection, String query) throws Exception {
        List<String> keys = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(query);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
        }
        return keys;
    }

    /** The blob keys in the store's directory: {@code <tenant>/<site>/<device>/<image>}, temporary files aside. */
    private static List<String> blobFiles(Path blobDir) throws Exception {
        try (Stream<Path> files = Files.walk(blobDir)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> blobDir.relativize(file).toString())
                    .filter(key -> key.split("/").length == 4)
                    .toList();
        }
    }
}
