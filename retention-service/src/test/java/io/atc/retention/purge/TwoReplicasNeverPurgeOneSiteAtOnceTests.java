package io.atc.retention.purge;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.atc.core.blobs.BlobStore;
import io.atc.retention.deletion.Run;
import io.atc.retention.support.PurgeTestResources;
import io.atc.retention.support.StoredHistory;
import io.atc.retention.support.StoredHistory.Stored;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/**
 * A site is purged by one replica at a time: its purge holds a session-level advisory lock on a
 * connection of its own, and a replica that finds it taken skips the site. Breaks when: the lock is
 * not taken, is taken transaction-scoped on a batch's connection (released between batches), or is
 * not released after the site's purge.
 */
@QuarkusTest
@QuarkusTestResource(PurgeTestResources.class)
class TwoReplicasNeverPurgeOneSiteAtOnceTests {

    @Inject
    PurgeExecutor executor;

    @Inject
    BlobStore blobs;

    @Test
    void aSiteWhoseLockAnotherSessionHoldsIsSkippedAndPurgedOnceItIsFree() throws Exception {
        StoredHistory history = StoredHistory.newTenant("Locked site org", blobs);
        UUID site = history.site(0);
        List<Stored> expired = history.events(site, UUID.randomUUID(), 4, Duration.ofDays(50));

        try (Connection otherReplica = TestDatabase.shared().connectAsRetention()) {
            assertThat(advisory(otherReplica, "pg_try_advisory_lock", Run.siteLock(history.tenantId(), site)))
                    .isTrue();
            PurgeRound skipped = executor.runOnce().await().atMost(Duration.ofMinutes(1));
            assertThat(skipped.sitesSkipped()).isGreaterThanOrEqualTo(1);
            for (Stored row : expired) {
                assertThat(history.stored(row)).as("the other replica's site").isTrue();
            }
            advisory(otherReplica, "pg_advisory_unlock", Run.siteLock(history.tenantId(), site));
        }

        executor.runOnce().await().atMost(Duration.ofMinutes(1));
        for (Stored row : expired) {
            assertThat(history.stored(row)).isFalse();
        }
    }

    /** Two rounds at once, as two replicas run them (each site's lock on its own pooled connection). */
    @Test
    void twoConcurrentRoundsPurgeEachSiteOnce() {
        StoredHistory history = StoredHistory.newTenant("Two replicas org", blobs);
        for (int i = 0; i < 2; i++) {
            history.events(history.site(i), UUID.randomUUID(), 20, Duration.ofDays(50));
            history.images(history.site(i), UUID.randomUUID(), 5, Duration.ofDays(50));
        }
        long auditBefore = history.count("select count(*) from audit.events");

        Uni.combine()
                .all()
                .unis(executor.runOnce(), executor.runOnce())
                .asTuple()
                .await()
                .atMost(Duration.ofMinutes(1));

        assertThat(history.count("select count(*) from edge.events")
                        + history.count("select count(*) from edge.images"))
                .isZero();
        assertThat(history.count("select count(*) from retention.runs where kind = 'purge'"))
                .as("one run per site, whichever replica took it")
                .isEqualTo(2);
        assertThat(history.count("select coalesce(sum(events_deleted + images_deleted), 0) from retention.runs"))
                .isEqualTo(50);
        assertThat(history.count("select count(*) from audit.events")).isEqualTo(auditBefore + 2);
        for (int i = 0; i < 2; i++) {
            String[] storage = history.storageAndRows(history.site(i));
            assertThat(storage[0]).isEqualTo(storage[1]);
        }
    }

    private static boolean advisory(Connection connection, String function, String name) throws Exception {
        try (PreparedStatement statement =
                connection.prepareStatement("select " + function + "(hashtextextended(?, 0))")) {
            statement.setString(1, name);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }
}
