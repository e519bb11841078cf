package io.atc.gateway.auth;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;

import io.atc.gateway.identity.AuthenticatedKey;

/**
 * The positive cache: keys the keys-service found active, by cache key, bounded in size and kept
 * at most {@code ttl} (a safety net should a change notification ever be lost). A key id maps to
 * at most one presented key, so an index by key id lets a change notification evict in O(1).
 */
final class VerifiedKeys {

    private final Cache<String, AuthenticatedKey> byCacheKey;
    private final Map<UUID, String> cacheKeyByKeyId = new ConcurrentHashMap<>();

    VerifiedKeys(int maxEntries, Duration ttl, Ticker ticker) {
        byCacheKey = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfterWrite(ttl)
                .ticker(ticker)
                .executor(Runnable::run)
                .removalListener((String cacheKey, AuthenticatedKey key, RemovalCause cause) -> {
                    if (key != null && cause != RemovalCause.REPLACED) {
                        cacheKeyByKeyId.remove(key.keyId(), cacheKey);
                    }
                })
                .build();
    }

    AuthenticatedKey get(String cacheKey) {
        return byCacheKey.getIfPresent(cacheKey);
    }

    void put(String cacheKey, AuthenticatedKey key) {
        byCacheKey.put(cacheKey, key);
        cacheKeyByKeyId.put(key.keyId(), cacheKey);
    }

    void forget(String cacheKey) {
        byCacheKey.invalidate(cacheKey);
    }

    void forgetKey(UUID keyId) {
        String cacheKey = cacheKeyByKeyId.remove(keyId);
        if (cacheKey != null) {
            byCacheKey.invalidate(cacheKey);
        }
    }

    void clear() {
        byCacheKey.invalidateAll();
        cacheKeyByKeyId.clear();
    }

    long size() {
        return byCacheKey.estimatedSize();
    }
}
