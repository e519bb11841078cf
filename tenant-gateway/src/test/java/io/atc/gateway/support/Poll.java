package io.atc.gateway.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition instead of sleeping for a guessed time. */
public final class Poll {

    private Poll() {}

    /** @return whether the condition held within {@code limit} */
    public static boolean until(BooleanSupplier condition, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    /** Fails with {@code what} unless the condition holds within {@code limit}. */
    public static void within(Duration limit, String what, BooleanSupplier condition) {
        if (!until(condition, limit)) {
            throw new AssertionError("not within " + limit.toMillis() + " ms: " + what);
        }
    }
}
