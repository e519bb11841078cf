package io.atc.gateway.auth;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * The negative cache: well-formed keys the keys-service refused (unknown, revoked, expired), so a
 * client repeating one costs no further verification for a short while. Bounded in size; a change
 * notification drops every rejection of the changed key's prefix (e.g. an expiry moved forward).
 */
final class RejectedKeys {

    private final Cache<String, Rejection> byCacheKey;

    RejectedKeys(int maxEntries, Duration ttl, Ticker ticker) {
        byCacheKey = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfterWrite(ttl)
                .ticker(ticker)
                .executor(Runnable::run)
                .build();
    }

    /** The remembered outcome, or null. */
    AuthOutcome get(String cacheKey) {
        Rejection rejection = byCacheKey.getIfPresent(cacheKey);
        return rejection == null ? null : rejection.outcome();
    }

    void put(String cacheKey, AuthOutcome outcome, String prefix) {
        byCacheKey.put(cacheKey, new Rejection(outcome, prefix));
    }

    void forget(String cacheKey) {
        byCacheKey.invalidate(cacheKey);
    }

    /** Rare (a key changed) and the cache is small, so a scan is cheaper than keeping an index. */
    void forgetPrefix(String prefix) {
        byCacheKey.asMap().values().removeIf(rejection -> rejection.prefix().equals(prefix));
    }

    void clear() {
        byCacheKey.invalidateAll();
    }

    long size() {
        return byCacheKey.estimatedSize();
    }

    private record Rejection(AuthOutcome outcome, String prefix) {}
}
