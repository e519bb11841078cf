package io.atc.gateway.auth;

import java.net.InetAddress;
import java.time.Clock;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.atc.core.keys.ApiKeyFormat;
import io.atc.core.keys.ParsedApiKey;
import io.atc.gateway.config.GatewayConfig;
import io.atc.gateway.identity.AuthenticatedKey;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Decides whether a presented API key may pass, paying the keys-service (and its argon2) only for a
 * well-formed key it has not seen lately:
 * <ol>
 * <li>wrong shape, another environment or a bad checksum: {@link AuthOutcome#BAD_FORMAT}, no I/O;</li>
 * <li>a verified key: answered from memory, but an expired key fails even when remembered; used near
 * the end of its cache TTL, it is verified again in the background (refresh-ahead) so a busy key
 * never goes cold;</li>
 * <li>a recently refused key: the same refusal, from memory;</li>
 * <li>otherwise one cold verification, shared by every concurrent request presenting the same key;
 * a client address past its {@link ColdVerificationBudget} gets {@link AuthOutcome#THROTTLED} at once,
 * and past the shared limit every client gets {@link AuthOutcome#OVERLOADED} at once.</li>
 * </ol>
 * Cached answers are returned on the caller's thread without any hop; cold answers come back on the
 * caller's Vert.x context.
 */
@Singleton
public class KeyAuthenticator {

    /** Counts calls to the keys-service, tagged by their result; bogus keys must never move it. */
    public static final String COLD_VERIFICATIONS = "atc.gateway.keys.cold.verifications";
    /** Counts background refreshes of cached keys, tagged by their result (overloaded: no slot was free). */
    public static final String REFRESHES = "atc.gateway.keys.refreshes";
    /** Refreshes waiting for a slot; beyond, the refresh is tried again on a later request. */
    static final int REFRESH_QUEUE = 256;

    private static final Map<AuthOutcome, Uni<KeyCheck>> FAILED = new EnumMap<>(AuthOutcome.class);

    static {
        for (AuthOutcome outcome : AuthOutcome.values()) {
            if (outcome != AuthOutcome.OK) {
                FAILED.put(outcome, Uni.createFrom().item(KeyCheck.failed(outcome)));
            }
        }
    }

    private final ApiKeyFormat format;
    private final KeysServiceClient keysService;
    private final Clock clock;
    private final CacheKeys cacheKeys = new CacheKeys();
    private final VerifiedKeys verified;
    private final RejectedKeys rejected;
    private final SingleFlight<KeyCheck> sameKey = new SingleFlight<>();
    private final ConcurrencyLimit<KeyCheck> coldLimit;
    private final ConcurrencyLimit<KeyCheck> refreshLimit;
    private final ColdVerificationBudget budget;
    private final Map<AuthOutcome, Counter> coldVerifications = new EnumMap<>(AuthOutcome.class);
    private final Map<AuthOutcome, Counter> refreshes = new EnumMap<>(AuthOutcome.class);
    /** Moves on every key change: a verification that overlapped a change is used once but not remembered. */
    private final AtomicLong changes = new AtomicLong();

    @Inject
    public KeyAuthenticator(
            ApiKeyFormat format, KeysServiceClient keysService, GatewayConfig config, MeterRegistry meters) {
        this(format, keysService, config.keys(), meters, Clock.systemUTC());
    }

    KeyAuthenticator(
            ApiKeyFormat format,
            KeysServiceClient keysService,
            GatewayConfig.Keys limits,
            MeterRegistry meters,
            Clock clock) {
        this.format = format;
        this.keysService = keysService;
        this.clock = clock;
        this.verified = new VerifiedKeys(
                limits.cacheMaxEntries(), limits.cacheTtl(), limits.refreshAheadFraction(), () -> nanos(clock));
        this.rejected =
                new RejectedKeys(limits.negativeCacheMaxEntries(), limits.negativeCacheTtl(), () -> nanos(clock));
        this.coldLimit = new ConcurrencyLimit<>(
                limits.maxColdVerifications(),
                limits.coldVerificationQueue(),
                () -> KeyCheck.failed(AuthOutcome.OVERLOADED));
        this.refreshLimit = new ConcurrencyLimit<>(
                limits.maxRefreshes(), REFRESH_QUEUE, () -> KeyCheck.failed(AuthOutcome.OVERLOADED));
        this.budget = new ColdVerificationBudget(limits.perAddress(), System::nanoTime);
        for (AuthOutcome outcome : EnumSet.of(
                AuthOutcome.OK,
                AuthOutcome.UNKNOWN,
                AuthOutcome.REVOKED,
                AuthOutcome.EXPIRED,
                AuthOutcome.UNAVAILABLE)) {
            coldVerifications.put(outcome, meters.counter(COLD_VERIFICATIONS, "result", outcome.tag()));
            refreshes.put(outcome, meters.counter(REFRESHES, "result", outcome.tag()));
        }
        refreshes.put(AuthOutcome.OVERLOADED, meters.counter(REFRESHES, "result", AuthOutcome.OVERLOADED.tag()));
        Gauge.builder("atc.gateway.keys.cached", verified, VerifiedKeys::size)
                .tag("cache", "verified")
                .register(meters);
        Gauge.builder("atc.gateway.keys.cached", rejected, RejectedKeys::size)
                .tag("cache", "rejected")
                .register(meters);
    }

    public Uni<KeyCheck> authenticate(PresentedKey presented, InetAddress client) {
        return presented.present() ? authenticate(presented.value(), client) : failed(presented.problem());
    }

    /** @param client the client address as clientip.ClientIpResolver found it (null when unknown): whose budget pays */
    public Uni<KeyCheck> authenticate(String presented, InetAddress client) {
        KeyCheck known = known(presented);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        String cacheKey = cacheKeys.of(presented);
        CompletionStage<KeyCheck> alreadyRunning = sameKey.joinIfRunning(cacheKey);
        if (alreadyRunning != null) {
            return onCallersContext(alreadyRunning);
        }
        ColdVerificationBudget.Permit permit = budget.tryAcquire(client);
        if (!permit.granted()) {
            return Uni.createFrom().item(KeyCheck.throttled(permit.retryAfterSeconds()));
        }
        ParsedApiKey parsed = format.parse(presented).orElseThrow();
        CompletionStage<KeyCheck> answer =
                sameKey.run(cacheKey, () -> coldLimit.submit(() -> verifyCold(cacheKey, parsed)));
        // Released when the verification ends, not when this caller stops waiting (a copy is what it may cancel).
        answer.whenComplete((check, failure) -> permit.release());
        return onCallersContext(answer.toCompletableFuture().copy());
    }

    /**
     * The answer when it needs no verification, at once: a cached key (the hot path of every
     * request), a malformed one, or a cached refusal; null when only the keys-service can tell.
     */
    public KeyCheck known(String presented) {
        if (presented == null || presented.length() > ApiKeyFormat.MAX_LENGTH) {
            return KeyCheck.failed(AuthOutcome.BAD_FORMAT);
        }
        // The verified cache first: only keys that parsed and verified are ever in it, so a hit needs
        // no format check (the hot path of every request skips the shape match and the checksum).
        String cacheKey = cacheKeys.of(presented);
        VerifiedKeys.Entry entry = verified.entry(cacheKey);
        if (entry != null) {
            AuthenticatedKey known = entry.key();
            if (known.expiredAt(clock.instant())) {
                verified.forget(cacheKey);
                rejected.put(cacheKey, AuthOutcome.EXPIRED, known.prefix());
                return KeyCheck.failed(AuthOutcome.EXPIRED);
            }
            if (entry.claimRefresh()) {
                refresh(cacheKey, presented);
            }
            return KeyCheck.ok(known);
        }
        if (format.parse(presented).isEmpty()) {
            return KeyCheck.failed(AuthOutcome.BAD_FORMAT);
        }
        AuthOutcome refused = rejected.get(cacheKey);
        return refused == null ? null : KeyCheck.failed(refused);
    }

    /** Drops what a key change makes stale: that key's entries, or everything when changes may have been missed. */
    void forget(KeyChanged change) {
        changes.incrementAndGet();
        sameKey.detachAll();
        if (change.everything()) {
            verified.clear();
            rejected.clear();
            return;
        }
        if (change.keyId() != null) {
            verified.forgetKey(change.keyId());
        }
        if (change.prefix() != null) {
            rejected.forgetPrefix(change.prefix());
        }
    }

    private CompletionStage<KeyCheck> verifyCold(String cacheKey, ParsedApiKey key) {
        long changesBefore = changes.get();
        return keysService
                .verify(key)
                .invoke(check -> coldVerifications.get(check.outcome()).increment())
                .map(check -> remember(cacheKey, key, check, changesBefore))
                .subscribeAsCompletionStage();
    }

    /**
     * Verifies a cached key again in the background; the cached verdict serves meanwhile, until its
     * own expiry at the latest. A refusal drops the key at once; no answer leaves the entry to expire
     * (or to be refreshed on a later request); a key change during the refresh discards its verdict.
     */
    private void refresh(String cacheKey, String presented) {
        ParsedApiKey parsed = format.parse(presented).orElseThrow();
        refreshLimit
                .submit(() -> {
                    long changesBefore = changes.get();
                    return keysService
                            .verify(parsed)
                            .map(check -> refreshed(cacheKey, parsed, check, changesBefore))
                            .subscribeAsCompletionStage();
                })
                .whenComplete((check, failure) -> {
                    if (check != null) {
                        refreshes.get(check.outcome()).increment();
                    }
                });
    }

    private KeyCheck refreshed(String cacheKey, ParsedApiKey key, KeyCheck check, long changesBefore) {
        KeyCheck decided = remember(cacheKey, key, check, changesBefore);
        if (decided.outcome() == AuthOutcome.UNKNOWN
                || decided.outcome() == AuthOutcome.REVOKED
                || decided.outcome() == AuthOutcome.EXPIRED) {
            verified.forget(cacheKey);
        }
        return decided;
    }

    /** Remembers a verdict in the cache it belongs to, unless a key change overlapped the verification. */
    private KeyCheck remember(String cacheKey, ParsedApiKey key, KeyCheck check, long changesBefore) {
        KeyCheck decided =
                check.ok() && check.key().expiredAt(clock.instant()) ? KeyCheck.failed(AuthOutcome.EXPIRED) : check;
        switch (decided.outcome()) {
            case OK -> verified.put(cacheKey, decided.key());
            case UNKNOWN, REVOKED, EXPIRED -> rejected.put(cacheKey, decided.outcome(), key.prefix());
            default -> {
                return decided;
            }
        }
        // A change seen after the verification began may have been decided against the state before it.
        // forget() moves the counter before it evicts, so either it evicts this entry or this check sees it.
        if (changes.get() != changesBefore) {
            verified.forget(cacheKey);
            rejected.forget(cacheKey);
        }
        return decided;
    }

    private static Uni<KeyCheck> onCallersContext(CompletionStage<KeyCheck> answer) {
        Uni<KeyCheck> uni = Uni.createFrom().completionStage(answer);
        Context caller = Vertx.currentContext();
        return caller == null ? uni : uni.emitOn(task -> caller.runOnContext(ignored -> task.run()));
    }

    private static Uni<KeyCheck> failed(AuthOutcome outcome) {
        return FAILED.get(outcome);
    }

    private static long nanos(Clock clock) {
        return TimeUnit.MILLISECONDS.toNanos(clock.millis());
    }
}
