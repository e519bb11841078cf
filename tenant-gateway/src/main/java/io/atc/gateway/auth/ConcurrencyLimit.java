package io.atc.gateway.auth;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * At most {@code maxRunning} tasks at once and at most {@code maxWaiting} waiting their turn; a task
 * beyond both is not run at all and gets {@code whenFull} at once. Keeps a flood of work (cold key
 * verifications) from queueing without end behind a slow dependency.
 */
final class ConcurrencyLimit<V> {

    private final int maxRunning;
    private final int maxWaiting;
    private final Supplier<V> whenFull;
    private final Queue<Runnable> waiting = new ArrayDeque<>();
    private int running;

    ConcurrencyLimit(int maxRunning, int maxWaiting, Supplier<V> whenFull) {
        this.maxRunning = maxRunning;
        this.maxWaiting = maxWaiting;
        this.whenFull = whenFull;
    }

    CompletionStage<V> submit(Supplier<? extends CompletionStage<V>> task) {
        CompletableFuture<V> result = new CompletableFuture<>();
        Runnable start = () -> start(task, result);
        synchronized (this) {
            if (running >= maxRunning) {
                if (waiting.size() >= maxWaiting) {
                    return CompletableFuture.completedFuture(whenFull.get());
                }
                waiting.add(start);
                return result;
            }
            running++;
        }
        start.run();
        return result;
    }

    synchronized int running() {
        return running;
    }

    private void start(Supplier<? extends CompletionStage<V>> task, CompletableFuture<V> result) {
        CompletionStage<V> stage;
        try {
            stage = task.get();
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        stage.whenComplete((value, failure) -> {
            finished();
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(value);
            }
        });
    }

    /** Hands the freed place to the next waiting task, if any. */
    private void finished() {
        Runnable next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                running--;
            }
        }
        if (next != null) {
            next.run();
        }
    }
}
