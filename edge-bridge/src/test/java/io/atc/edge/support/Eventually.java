package io.atc.edge.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls for effects that arrive asynchronously (a disconnect, a reconnect, a batch that commits). */
public final class Eventually {

    private Eventually() {}

    public static void within(Duration timeout, String what, BooleanSupplier condition) {
        await(what, timeout, condition::getAsBoolean, Boolean::booleanValue);
    }

    /** Polls {@code value} until it satisfies {@code condition} and returns it; fails with the last value seen. */
    public static <T> T await(String what, Duration timeout, Supplier<T> value, Predicate<T> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = value.get();
        while (!condition.test(last)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(
                        "not within " + timeout.toMillis() + " ms: " + what + " (last seen: " + last + ")");
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
