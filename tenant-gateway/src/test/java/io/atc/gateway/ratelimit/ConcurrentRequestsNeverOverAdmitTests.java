package io.atc.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * Many threads on one key admit exactly what the bucket holds, with eviction sweeps running in
 * between. Breaks when: the bucket update is a read-then-write instead of a compare-and-set (threads
 * spend the same token: both tests fail every run), or eviction drops a bucket without first marking
 * it dead, so a racing request charges the dropped bucket while another gets a fresh one (a timing
 * race: the eviction test caught it in one of three runs, always in the first few rounds).
 */
class ConcurrentRequestsNeverOverAdmitTests {

    private static final int THREADS = 8;
    private static final long MILLI = 1_000_000L;

    @Test
    void aFrozenClockAdmitsExactlyTheBurst() throws Exception {
        AtomicLong clock = new AtomicLong();
        KeyRateLimiter limiter = new KeyRateLimiter(RateLimits.parse(10, 1000, List.of()), clock::get);
        UUID key = UUID.randomUUID();

        long admitted =
                hammer(THREADS, 20_000, () -> limiter.tryAcquire(key, null).allowed());

        assertThat(admitted).isEqualTo(1000);
    }

    @Test
    void aMovingClockWithSweepsAdmitsNoMoreThanBurstPlusRateTimesElapsed() throws Exception {
        AtomicLong clock = new AtomicLong();
        // 1000/s: one token per ms of fake time; the clock moves 1 µs per call, so calls outpace refill.
        KeyRateLimiter limiter =
                new KeyRateLimiter(RateLimits.parse(1000, 50, List.of()), () -> clock.getAndAdd(1_000), 5 * MILLI);
        UUID key = UUID.randomUUID();
        UUID[] others = new UUID[64];
        for (int i = 0; i < others.length; i++) {
            others[i] = UUID.randomUUID();
        }
        AtomicLong calls = new AtomicLong();

        long admitted = hammer(THREADS, 40_000, () -> {
            long n = calls.incrementAndGet();
            limiter.tryAcquire(others[(int) (n % others.length)], null);
            return limiter.tryAcquire(key, null).allowed();
        });

        long elapsedMillis = clock.get() / MILLI;
        assertThat(admitted).isLessThanOrEqualTo(50 + elapsedMillis + 1);
        assertThat(admitted).as("and it still admits at the rate").isGreaterThan(elapsedMillis / 2);
    }

    @Test
    void aBucketEvictedWhileRequestsRaceForItsLastTokenHandsItOutOnce() throws Exception {
        AtomicLong clock = new AtomicLong();
        // Burst 1 at 1/s; each round the clock jumps 2 s, so the bucket is full and due for eviction
        // exactly when the racing requests arrive: any second admission in a round is a double spend.
        KeyRateLimiter limiter = new KeyRateLimiter(RateLimits.parse(1, 1, List.of()), clock::get, 1);
        UUID key = UUID.randomUUID();
        int rounds = 2_000;
        CyclicBarrier barrier = new CyclicBarrier(THREADS, () -> clock.addAndGet(2_000 * MILLI));
        AtomicLong[] admittedPerRound = new AtomicLong[rounds];
        for (int i = 0; i < rounds; i++) {
            admittedPerRound[i] = new AtomicLong();
        }

        hammer(THREADS, rounds, round -> {
            barrier.await();
            if (limiter.tryAcquire(key, null).allowed()) {
                admittedPerRound[round].incrementAndGet();
            }
            return false;
        });

        for (int i = 0; i < rounds; i++) {
            assertThat(admittedPerRound[i].get()).as("round %d", i).isEqualTo(1);
        }
    }

    private static long hammer(int threads, int callsPerThread, java.util.function.BooleanSupplier call)
            throws Exception {
        return hammer(threads, callsPerThread, (int round) -> call.getAsBoolean());
    }

    @FunctionalInterface
    private interface Call {
        boolean admitted(int round) throws Exception;
    }

    private static long hammer(int threads, int callsPerThread, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Long>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                start.await();
                long admitted = 0;
                for (int i = 0; i < callsPerThread; i++) {
                    if (call.admitted(i)) {
                        admitted++;
                    }
                }
                return admitted;
            }));
        }
        start.countDown();
        long total = 0;
        for (Future<Long> result : results) {
            total += result.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        return total;
    }
}
