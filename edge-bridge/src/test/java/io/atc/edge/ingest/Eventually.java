package io.atc.edge.ingest;

import java.time.Duration;
import java.util.function.Supplier;

import org.assertj.core.api.Assertions;

/** Polls a value until it satisfies a condition, for effects that arrive asynchronously (a batch commits). */
final class Eventually {

    private Eventually() {
    }

    static <T> T await(String what, Duration limit, Supplier<T> value, java.util.function.Predicate<T> condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        T last = value.get();
        while (!condition.test(last)) {
            if (System.nanoTime() - deadline > 0) {
                Assertions.fail("%s: still %s after %d s", what, last, limit.toSeconds());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            last = value.get();
        }
        return last;
    }
}
