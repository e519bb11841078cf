package io.atc.gateway.usage;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.atc.gateway.identity.AuthenticatedKey;
import io.netty.util.NetUtil;

/**
 * The key uses waiting to be reported, gathered on the request path without I/O or locks: a key's
 * first use in a minute is queued, every other use of it in that minute costs one cache lookup and
 * is not kept. The queue is bounded (a flood of distinct keys cannot grow it past
 * {@code maxPending}: further uses are dropped and the caller counts them), and {@link #drain}
 * empties it for a report. So a replica reports a key at most once a minute, and the time it
 * reports is the key's first use in that minute.
 */
public final class KeyUses {

    /** The coarseness of last-use times, here and in the keys-service's write (docs/keys.md, "Last used"). */
    public static final Duration PER_KEY = Duration.ofMinutes(1);

    /** What {@link #record} did with a use. */
    public enum Outcome {
        /** The key's first use this minute: it waits for the next report. */
        QUEUED,
        /** The key was queued or reported within the minute: nothing to do. */
        SEEN,
        /** The queue is full: the use is dropped (the key's next use may be queued again). */
        DROPPED
    }

    private final int maxPending;
    private final Clock clock;
    private final Map<UUID, KeyUse> pending = new ConcurrentHashMap<>();
    private final Cache<UUID, Boolean> seenThisMinute;

    public KeyUses(int maxPending, Clock clock) {
        this.maxPending = maxPending;
        this.clock = clock;
        this.seenThisMinute = Caffeine.newBuilder()
                .maximumSize(maxPending)
                .expireAfterWrite(PER_KEY)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .executor(Runnable::run)
                .build();
    }

    /** Never blocks and never throws for a verified key; {@code client} may be null. */
    public Outcome record(AuthenticatedKey key, InetAddress client) {
        UUID keyId = key.keyId();
        if (seenThisMinute.asMap().putIfAbsent(keyId, Boolean.TRUE) != null) {
            return Outcome.SEEN;
        }
        if (pending.size() >= maxPending) {
            seenThisMinute.invalidate(keyId);
            return Outcome.DROPPED;
        }
        pending.put(keyId, new KeyUse(key.tenant(), keyId, clock.instant(), address(client)));
        return Outcome.QUEUED;
    }

    /** Takes every queued use out of the queue, for one report. */
    public List<KeyUse> drain() {
        List<KeyUse> drained = new ArrayList<>();
        for (Map.Entry<UUID, KeyUse> queued : pending.entrySet()) {
            // Removes exactly what it takes: a use queued for the same key meanwhile stays for the next report.
            if (pending.remove(queued.getKey(), queued.getValue())) {
                drained.add(queued.getValue());
            }
        }
        return drained;
    }

    public int pending() {
        return pending.size();
    }

    /** The address as text without a zone ({@code fe80::1}, never {@code fe80::1%eth0}): what the keys-service accepts. */
    private static String address(InetAddress client) {
        return client == null ? null : NetUtil.bytesToIpAddress(client.getAddress());
    }
}
