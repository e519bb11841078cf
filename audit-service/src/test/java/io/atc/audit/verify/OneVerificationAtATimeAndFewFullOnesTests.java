package io.atc.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;

/**
 * A caller cannot turn verification into load: verifications of a tenant in progress are joined,
 * not started again; full ones are limited per tenant per hour and per instance; a caller who
 * leaves does not free a slot early.
 * Breaks when: VerificationFlights starts work for a joiner, counts joins against the limit, or
 * forgets a finished (or failed) verification.
 */
class OneVerificationAtATimeAndFewFullOnesTests {

    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();

    private final MovableClock clock = new MovableClock();
    private final VerificationFlights flights = new VerificationFlights(2, 2, clock);
    private final AtomicInteger started = new AtomicInteger();

    @Test
    void concurrentFullVerificationsOfATenantRunOnceAndShareTheReport() {
        CompletableFuture<VerificationReport> work = new CompletableFuture<>();

        var first = subscribe(flights.run(TENANT, VerificationMode.FULL, () -> startedWork(work)));
        var second = subscribe(flights.run(TENANT, VerificationMode.FULL, () -> startedWork(work)));
        var third = subscribe(flights.run(TENANT, VerificationMode.FULL, () -> startedWork(work)));
        VerificationReport report = report();
        work.complete(report);

        assertThat(started).as("verifications started").hasValue(1);
        first.assertItem(report);
        second.assertItem(report);
        third.assertItem(report);
    }

    @Test
    void concurrentDefaultVerificationsOfATenantRunOnceToo() {
        CompletableFuture<VerificationReport> work = new CompletableFuture<>();

        var first = subscribe(flights.run(TENANT, VerificationMode.INCREMENTAL, () -> startedWork(work)));
        var second = subscribe(flights.run(TENANT, VerificationMode.INCREMENTAL, () -> startedWork(work)));
        work.complete(report());

        assertThat(started).hasValue(1);
        first.assertCompleted();
        second.assertCompleted();
    }

    @Test
    void joiningDoesNotCountButStartingDoesPerTenantPerHour() {
        runFull(TENANT);
        runFull(TENANT);

        assertThatThrownBy(() -> runFull(TENANT))
                .isInstanceOfSatisfying(
                        FullVerificationRefused.class,
                        refused -> assertThat(refused.retryAfterSeconds()).isEqualTo(3600));
        runFull(OTHER);

        clock.advance(Duration.ofMinutes(59));
        assertThatThrownBy(() -> runFull(TENANT))
                .isInstanceOfSatisfying(
                        FullVerificationRefused.class,
                        refused -> assertThat(refused.retryAfterSeconds()).isEqualTo(60));
        clock.advance(Duration.ofMinutes(1));
        runFull(TENANT);
        assertThat(started).hasValue(4);
    }

    @Test
    void fullVerificationsRunningAtOnceAreBoundedAcrossTenants() {
        CompletableFuture<VerificationReport> a = new CompletableFuture<>();
        CompletableFuture<VerificationReport> b = new CompletableFuture<>();
        subscribe(flights.run(TENANT, VerificationMode.FULL, () -> startedWork(a)));
        subscribe(flights.run(OTHER, VerificationMode.FULL, () -> startedWork(b)));

        var third = subscribe(flights.run(UUID.randomUUID(), VerificationMode.FULL, () -> startedWork(a)));
        third.assertFailedWith(FullVerificationRefused.class);
        assertThat(((FullVerificationRefused) third.getFailure()).retryAfterSeconds())
                .isEqualTo(10);

        b.completeExceptionally(new IllegalStateException("database went away"));
        var fourth = subscribe(flights.run(UUID.randomUUID(), VerificationMode.FULL, () -> startedWork(a)));
        a.complete(report());
        fourth.assertCompleted();
    }

    @Test
    void aCallerWhoLeavesDoesNotEndTheVerificationNorFreeItsSlot() {
        CompletableFuture<VerificationReport> work = new CompletableFuture<>();
        var leaving = subscribe(flights.run(TENANT, VerificationMode.FULL, () -> startedWork(work)));
        leaving.cancel();

        var joining = subscribe(flights.run(TENANT, VerificationMode.FULL, () -> startedWork(work)));
        work.complete(report());

        joining.assertCompleted();
        assertThat(started).hasValue(1);
    }

    private Uni<VerificationReport> startedWork(CompletableFuture<VerificationReport> work) {
        started.incrementAndGet();
        return Uni.createFrom().completionStage(work);
    }

    private void runFull(UUID tenant) {
        flights.run(tenant, VerificationMode.FULL, () -> startedWork(CompletableFuture.completedFuture(report())))
                .await()
                .atMost(Duration.ofSeconds(5));
    }

    private static UniAssertSubscriber<VerificationReport> subscribe(Uni<VerificationReport> uni) {
        return uni.subscribe().withSubscriber(UniAssertSubscriber.create());
    }

    private static VerificationReport report() {
        return new VerificationReport(
                true, 13, null, null, 10L, "full", VerificationReport.From.genesis("test"), 14, 14, null);
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-04T12:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
