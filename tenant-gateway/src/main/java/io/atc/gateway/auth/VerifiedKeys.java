package io.atc.gateway.auth;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;

import io.atc.gateway.identity.AuthenticatedKey;

/**
 * The positive cache: keys the keys-service found active, by cache key, bounded in size and kept
 * at most {@code ttl} after their verification (a safety net should a change notification ever be
 * lost). A key id maps to at most one presented key, so an index by key id lets a change
 * notification evict in O(1). Its own cache, apart from {@link RejectedKeys}: a flood of refused
 * keys can never evict a real key's entry.
 *
 * <p>An entry used within the last {@code refreshAheadFraction} of its TTL is due for a refresh: the
 * first caller to {@link Entry#claimRefresh claim} it verifies the key again in the background, and
 * the new verdict replaces the entry with a fresh TTL. The old entry keeps its own expiry: a refresh
 * never extends a verdict, it only replaces it with a newer one.
 */
final class VerifiedKeys {

    /** After a refresh that got no answer (keys-service busy or down), the next attempt waits this long. */
    static final long REFRESH_RETRY_NANOS = 1_000_000_000L;

    private final Cache<String, Entry> byCacheKey;
    private final Map<UUID, String> cacheKeyByKeyId = new ConcurrentHashMap<>();
    private final Ticker ticker;
    /** Age from which an entry is due for a refresh; Long.MAX_VALUE when refresh-ahead is off. */
    private final long refreshAfterNanos;

    VerifiedKeys(int maxEntries, Duration ttl, Ticker ticker) {
        this(maxEntries, ttl, 0, ticker);
    }

    VerifiedKeys(int maxEntries, Duration ttl, double refreshAheadFraction, Ticker ticker) {
        this.ticker = ticker;
        this.refreshAfterNanos = refreshAheadFraction <= 0
                ? Long.MAX_VALUE
                : ttl.toNanos() - (long) (ttl.toNanos() * refreshAheadFraction);
        byCacheKey = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfterWrite(ttl)
                .ticker(ticker)
                .executor(Runnable::run)
                .removalListener((String cacheKey, Entry entry, RemovalCause cause) -> {
                    if (entry != null && cause != RemovalCause.REPLACED) {
                        cacheKeyByKeyId.remove(entry.key().keyId(), cacheKey);
                    }
                })
                .build();
    }

    AuthenticatedKey get(String cacheKey) {
        Entry entry = entry(cacheKey);
        return entry == null ? null : entry.key();
    }

    Entry entry(String cacheKey) {
        return byCacheKey.getIfPresent(cacheKey);
    }

    void put(String cacheKey, AuthenticatedKey key) {
        long due = refreshAfterNanos == Long.MAX_VALUE ? Long.MAX_VALUE : ticker.read() + refreshAfterNanos;
        byCacheKey.put(cacheKey, new Entry(key, due));
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

    /** A verified key, and when its refresh is due (or may be tried again). */
    final class Entry {
        private final AuthenticatedKey key;
        private final AtomicLong refreshDueAt;

        private Entry(AuthenticatedKey key, long refreshDueAt) {
            this.key = key;
            this.refreshDueAt = new AtomicLong(refreshDueAt);
        }

        AuthenticatedKey key() {
            return key;
        }

        /**
         * True for exactly one caller once the refresh is due: that caller refreshes. The next attempt
         * is put off, so a refresh that gets no answer is tried again a little later, never by every
         * request at once.
         */
        boolean claimRefresh() {
            long due = refreshDueAt.get();
            if (due == Long.MAX_VALUE) {
                return false;
            }
            long now = ticker.read();
            return now - due >= 0 && refreshDueAt.compareAndSet(due, now + REFRESH_RETRY_NANOS);
        }
    }
}
