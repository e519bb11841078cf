package io.atc.retention.purge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.atc.core.blobs.BlobStore;
import io.atc.retention.deletion.RunSummary;
import io.atc.retention.support.PacedPurgeTestResources;
import io.atc.retention.support.PurgeTestResources;
import io.atc.retention.support.StoredHistory;
import io.atc.retention.support.StoredHistory.Stored;
import io.atc.testkit.identity.InternalTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The purge keeps to ATC_RETENTION_PURGE_MAX_ROWS_PER_SECOND ({@value PacedPurgeTestResources#ROWS_PER_SECOND}
 * here, batches of {@value PurgeTestResources#BATCH_SIZE}): it leaves the database to the ingest
 * beside it. An erasure, which an admin waits for, is not paced.
 */
@QuarkusTest
@QuarkusTestResource(PacedPurgeTestResources.class)
class PurgeKeepsToItsRowsPerSecondBudgetTests {

    private static final int ROWS = 30;

    /** What {@link #ROWS} rows take at the budget: the floor of a paced purge's duration. */
    private static final Duration AT_BUDGET = Duration.ofMillis(ROWS * 1000L / PacedPurgeTestResources.ROWS_PER_SECOND);

    @Inject
    SitePurge sitePurge;

    @Inject
    BlobStore blobs;

    @Inject
    PurgePace pace;

    /**
     * Breaks when: the purge does not wait after its batches (unpaced, its 30 rows in 10 batches took
     * 0.53 s), or is not held to this replica's pace.
     */
    @Test
    void aSitesPurgeTakesAtLeastItsRowsAtTheBudget() {
        StoredHistory history = StoredHistory.newTenant("Paced purge org", blobs);
        UUID site = history.site(0);
        List<Stored> expired = history.events(site, UUID.randomUUID(), ROWS, Duration.ofDays(40));

        long pacedBefore = pace.rowsPaced();
        long started = System.nanoTime();
        Optional<RunSummary> run =
                sitePurge.purge(history.tenantId(), site, Instant.now()).await().atMost(Duration.ofMinutes(1));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(run).hasValueSatisfying(summary -> assertThat(summary.eventsDeleted())
                .isEqualTo(ROWS));
        for (Stored row : expired) {
            assertThat(history.stored(row)).isFalse();
        }
        assertThat(pace.rowsPaced() - pacedBefore)
                .as("every row deleted was paced")
                .isEqualTo(ROWS);
        // Each full batch and its pause take 300 ms; a second of slack for timers on a loaded machine
        // (unpaced, the purge takes about half a second).
        assertThat(took).isGreaterThanOrEqualTo(AT_BUDGET.minus(Duration.ofSeconds(1)));
    }

    /**
     * Breaks when: the erasure shares the purge's pace (its 30 rows would then take at least 3 s). Read
     * from the pace itself, not from a clock, which a loaded machine makes slow either way.
     */
    @Test
    void anErasureIsNotHeldToThePurgesBudget() {
        StoredHistory history = StoredHistory.newTenant("Unpaced erasure org", blobs);
        UUID device = UUID.randomUUID();
        List<Stored> erased = history.events(history.site(0), device, ROWS, Duration.ofDays(1));

        long pacedBefore = pace.rowsPaced();
        given().auth()
                .oauth2(InternalTokens.forTenant(history.tenantId(), "admin"))
                .contentType("application/json")
                .body("{\"deviceId\":\"" + device + "\",\"reason\":\"erasure request #12\"}")
                .post("/v1/erasures")
                .then()
                .statusCode(201);

        for (Stored row : erased) {
            assertThat(history.stored(row)).isFalse();
        }
        assertThat(pace.rowsPaced()).isEqualTo(pacedBefore);
    }
}
