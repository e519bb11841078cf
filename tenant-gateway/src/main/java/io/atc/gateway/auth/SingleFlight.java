package io.atc.gateway.auth;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Concurrent callers asking for the same thing share one piece of work: the first starts it, the
 * others wait for its result. Each caller gets its own copy of the result, so one caller giving up
 * (cancelling) does not cancel it for the others.
 */
final class SingleFlight<V> {

    private final Map<String, CompletableFuture<V>> running = new ConcurrentHashMap<>();

    CompletionStage<V> run(String key, Supplier<? extends CompletionStage<V>> work) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> existing = running.putIfAbsent(key, mine);
        if (existing != null) {
            return existing.copy();
        }
        started(work).whenComplete((value, failure) -> {
            running.remove(key, mine);
            if (failure != null) {
                mine.completeExceptionally(failure);
            } else {
                mine.complete(value);
            }
        });
        return mine.copy();
    }

    /** A copy of the work already running for this key, or null when none is. */
    CompletionStage<V> joinIfRunning(String key) {
        CompletableFuture<V> existing = running.get(key);
        return existing == null ? null : existing.copy();
    }

    /** Later callers start afresh instead of joining work that began before now (e.g. before a key changed). */
    void detachAll() {
        running.clear();
    }

    private static <V> CompletionStage<V> started(Supplier<? extends CompletionStage<V>> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
