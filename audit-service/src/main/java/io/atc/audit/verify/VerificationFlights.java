package io.atc.audit.verify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.atc.audit.config.AuditConfig;
import io.smallrye.mutiny.Uni;

/**
 * One verification at a time per tenant and mode: a caller asking while one runs joins it and
 * gets its report, nothing is started twice. A full verification re-hashes the whole chain, so
 * starting one is also limited: {@code fullPerHour} per tenant in any hour and
 * {@code fullConcurrent} at once on this instance; beyond that the caller gets
 * {@link FullVerificationRefused} (429 with Retry-After). Joining one in progress costs nothing.
 * A verification whose callers went away still finishes (and counts): dropping the connection
 * does not buy a fresh start.
 */
@ApplicationScoped
public class VerificationFlights {

    private static final Duration WINDOW = Duration.ofHours(1);
    private static final Duration BUSY_RETRY = Duration.ofSeconds(10);

    private final int fullPerHour;
    private final int fullConcurrent;
    private final Clock clock;
    private final Map<Flight, CompletableFuture<VerificationReport>> inFlight = new HashMap<>();
    private final Map<UUID, Deque<Instant>> fullStarts = new HashMap<>();
    private int fullRunning;

    @Inject
    public VerificationFlights(AuditConfig config) {
        this(config.verify().fullPerHour(), config.verify().fullConcurrent(), Clock.systemUTC());
    }

    /** Limits given directly (tests, tools that build the verifier without CDI). */
    public VerificationFlights(int fullPerHour, int fullConcurrent, Clock clock) {
        this.fullPerHour = fullPerHour;
        this.fullConcurrent = fullConcurrent;
        this.clock = clock;
    }

    private record Flight(UUID tenant, VerificationMode mode) {}

    /** Joins the tenant's verification in this mode, or starts {@code work} if none runs and the limits allow. */
    public Uni<VerificationReport> run(UUID tenant, VerificationMode mode, Supplier<Uni<VerificationReport>> work) {
        return Uni.createFrom().deferred(() -> {
            Flight flight = new Flight(tenant, mode);
            CompletableFuture<VerificationReport> started = new CompletableFuture<>();
            synchronized (this) {
                CompletableFuture<VerificationReport> running = inFlight.get(flight);
                if (running != null) {
                    return joining(running);
                }
                if (mode == VerificationMode.FULL) {
                    admitFull(tenant);
                }
                inFlight.put(flight, started);
            }
            Uni<VerificationReport> verification;
            try {
                verification = work.get();
            } catch (RuntimeException e) {
                verification = Uni.createFrom().failure(e);
            }
            verification
                    .subscribe()
                    .with(
                            report -> finish(flight, started, report, null),
                            failure -> finish(flight, started, null, failure));
            return joining(started);
        });
    }

    /** A copy per caller: a caller who cancels (disconnects) must not cancel the verification the others wait for. */
    private static Uni<VerificationReport> joining(CompletableFuture<VerificationReport> verification) {
        return Uni.createFrom().completionStage(verification::copy);
    }

    private void admitFull(UUID tenant) {
        Instant now = clock.instant();
        Deque<Instant> starts = fullStarts.computeIfAbsent(tenant, t -> new ArrayDeque<>());
        while (!starts.isEmpty() && !starts.peekFirst().plus(WINDOW).isAfter(now)) {
            starts.removeFirst();
        }
        if (starts.size() >= fullPerHour) {
            Duration wait = Duration.between(now, starts.peekFirst().plus(WINDOW));
            throw new FullVerificationRefused(
                    "at most " + fullPerHour + " full verification(s) per tenant per hour; the default"
                            + " verification (from the newest signed checkpoint) is not limited this way",
                    wait);
        }
        if (fullRunning >= fullConcurrent) {
            throw new FullVerificationRefused(
                    "the service is already running " + fullRunning + " full verification(s)", BUSY_RETRY);
        }
        starts.addLast(now);
        fullRunning++;
    }

    private void finish(
            Flight flight,
            CompletableFuture<VerificationReport> started,
            VerificationReport report,
            Throwable failure) {
        synchronized (this) {
            inFlight.remove(flight, started);
            if (flight.mode() == VerificationMode.FULL) {
                fullRunning--;
            }
        }
        if (failure != null) {
            started.completeExceptionally(failure);
        } else {
            started.complete(report);
        }
    }
}
