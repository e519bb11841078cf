package io.atc.gateway.ratelimit;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.atc.gateway.config.GatewayConfig;

/**
 * A token bucket per key, per replica: each gateway replica admits up to the configured rate on its
 * own, so N replicas behind a load balancer admit up to N times the rate in total. Kept local on
 * purpose: no shared store on the hot path, and balanced traffic spreads a key's requests evenly.
 *
 * <p>Each bucket is one long, the generic cell rate algorithm's "theoretical arrival time": the
 * moment the bucket would be full again. A request books one interval (1/rate) past
 * max(now, that time) and is admitted iff the booking ends within burst intervals from now, which
 * is exactly a token bucket of {@code burst} tokens refilled at {@code rate}. The update is a
 * compare-and-set, so concurrent requests never over-admit and never block.
 *
 * <p>A bucket whose time has passed is full and is indistinguishable from a new one: a periodic
 * sweep (amortised into calls, at most once per sweep interval) drops such buckets, first marking
 * them dead by the same compare-and-set so a racing request retries on a fresh bucket instead of
 * spending a token twice. Memory is therefore bounded by the keys active within a sweep interval.
 */
@Singleton
public class KeyRateLimiter {

    static final long DEFAULT_SWEEP_INTERVAL_NANOS = 10_000_000_000L;
    private static final long DEAD = Long.MIN_VALUE;

    private final RateLimits limits;
    private final LongSupplier nanoClock;
    private final long sweepIntervalNanos;
    private final ConcurrentHashMap<UUID, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep;

    @Inject
    public KeyRateLimiter(GatewayConfig config) {
        this(
                RateLimits.parse(
                        config.rateLimit().requestsPerSecond(),
                        config.rateLimit().burst(),
                        config.rateLimit().overrides().orElse(List.of())),
                System::nanoTime,
                DEFAULT_SWEEP_INTERVAL_NANOS);
    }

    public KeyRateLimiter(RateLimits limits, LongSupplier nanoClock) {
        this(limits, nanoClock, DEFAULT_SWEEP_INTERVAL_NANOS);
    }

    KeyRateLimiter(RateLimits limits, LongSupplier nanoClock, long sweepIntervalNanos) {
        this.limits = limits;
        this.nanoClock = nanoClock;
        this.sweepIntervalNanos = sweepIntervalNanos;
        this.nextSweep = new AtomicLong(nanoClock.getAsLong() + sweepIntervalNanos);
    }

    /** Takes one request from the key's bucket; {@code prefix} picks an override (null: the default). */
    public RateDecision tryAcquire(UUID keyId, String prefix) {
        long now = nanoClock.getAsLong();
        sweepIfDue(now);
        while (true) {
            Bucket bucket = buckets.get(keyId);
            if (bucket == null) {
                RateLimit limit = limits.forPrefix(prefix);
                if (limit.isUnlimited()) {
                    return RateDecision.ALLOWED;
                }
                bucket = buckets.computeIfAbsent(keyId, id -> new Bucket(limit, now));
            }
            long arrival = bucket.arrival;
            if (arrival == DEAD) {
                buckets.remove(keyId, bucket);
                continue;
            }
            long booked = Math.max(arrival, now) + bucket.interval;
            long ahead = booked - now;
            if (ahead > bucket.window) {
                return RateDecision.deniedFor(ahead - bucket.window);
            }
            if (bucket.compareAndSet(arrival, booked)) {
                return RateDecision.ALLOWED;
            }
        }
    }

    private void sweepIfDue(long now) {
        long due = nextSweep.get();
        if (now - due < 0 || !nextSweep.compareAndSet(due, now + sweepIntervalNanos)) {
            return;
        }
        buckets.forEach((keyId, bucket) -> {
            long arrival = bucket.arrival;
            if (arrival != DEAD && arrival - now <= 0 && bucket.compareAndSet(arrival, DEAD)) {
                buckets.remove(keyId, bucket);
            }
        });
    }

    int bucketCount() {
        return buckets.size();
    }

    private static final class Bucket {

        private static final VarHandle ARRIVAL;

        static {
            try {
                ARRIVAL = MethodHandles.lookup().findVarHandle(Bucket.class, "arrival", long.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        final long interval;
        final long window;
        volatile long arrival;

        Bucket(RateLimit limit, long now) {
            this.interval = limit.intervalNanos();
            this.window = limit.windowNanos();
            this.arrival = now;
        }

        boolean compareAndSet(long expected, long next) {
            return ARRIVAL.compareAndSet(this, expected, next);
        }
    }
}
