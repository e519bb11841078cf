package io.atc.retention.purge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.atc.retention.deletion.BatchPace;

/**
 * The purge's schedule at 50,000 rows/s: a batch of 5,000 moves the next start by 100 ms; the wait is
 * what is left of that when the next batch is done; lag is made up, but only half a second of it.
 */
class PurgePaceTests {

    private long now = 1_000_000_000L;
    private final PurgePace pace = new PurgePace(50_000, () -> now);

    private void advance(long millis) {
        now += Duration.ofMillis(millis).toNanos();
    }

    @Test
    void eachBatchIsFollowedByTheRestOfItsShareOfTheBudget() {
        assertThat(pace.pauseAfter(5_000)).isEqualTo(Duration.ofMillis(100));
        advance(100 + 40);
        assertThat(pace.pauseAfter(5_000)).isEqualTo(Duration.ofMillis(60));
    }

    @Test
    void aSlowBatchIsMadeUpByTheNextOnesShorterWaits() {
        pace.pauseAfter(5_000);
        advance(100 + 150);
        assertThat(pace.pauseAfter(5_000)).isEqualTo(Duration.ZERO);
        advance(40);
        assertThat(pace.pauseAfter(5_000)).isEqualTo(Duration.ofMillis(10));
    }

    /** Breaks when: lag is credited without bound (an idle hour would let the next 180 M rows go unpaced). */
    @Test
    void afterAnIdleHourThePurgeStartsAfreshWithoutABurst() {
        pace.pauseAfter(5_000);
        advance(Duration.ofHours(1).toMillis());
        assertThat(pace.pauseAfter(5_000)).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void anEmptyBatchIsFollowedByNoPause() {
        pace.pauseAfter(5_000);
        assertThat(pace.pauseAfter(0)).isEqualTo(Duration.ZERO);
    }

    @Test
    void erasuresAreNotPaced() {
        assertThat(BatchPace.UNPACED.pauseAfter(5_000)).isEqualTo(Duration.ZERO);
    }
}
