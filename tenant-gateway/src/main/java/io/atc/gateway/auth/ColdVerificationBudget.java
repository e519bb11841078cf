package io.atc.gateway.auth;

import java.net.InetAddress;
import java.time.Duration;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import io.atc.core.net.ClientNetwork;
import io.atc.gateway.config.GatewayConfig;

/**
 * How many cold verifications one client address ({@link ClientNetwork}: IPv4 address, IPv6 /64) may
 * start, before they reach the shared slots of {@link ConcurrencyLimit}: a token bucket (a rate and
 * a burst) and a cap on its verifications in flight. The key checksum is public, so anyone can make
 * endless well-formed keys that miss every cache; without this, one client could hold every slot and
 * real keys whose cache entry just expired would be refused as overloaded.
 *
 * <p>The table is a bounded cache: a flood from many addresses evicts the least used budgets instead
 * of growing memory. An evicted budget starts full again, which only a client rotating through more
 * addresses than the table holds can gain from; such a flood still meets the shared slots' cap.
 */
final class ColdVerificationBudget {

    private static final Permit UNLIMITED = new Permit(null, 0);
    /** A client at its in-flight cap waits for one of its own verifications (about 20 ms each), not a whole second. */
    private static final long IN_FLIGHT_RETRY_AFTER_SECONDS = 1;

    private final long intervalNanos;
    private final long windowNanos;
    private final int maxInFlight;
    private final Cache<UUID, AddressBudget> byNetwork;
    private final Ticker ticker;

    ColdVerificationBudget(GatewayConfig.PerAddress config, Ticker ticker) {
        double rate = config.coldVerificationsPerSecond();
        this.intervalNanos = rate == 0 ? 0 : Math.max(1, Math.round(1e9 / rate));
        this.windowNanos = intervalNanos * config.coldVerificationBurst();
        this.maxInFlight = config.maxColdInFlight();
        this.ticker = ticker;
        // Idle for longer than the bucket takes to fill, a budget is the same as a new one.
        Duration idle =
                Duration.ofNanos(Math.max(windowNanos, Duration.ofSeconds(10).toNanos()));
        this.byNetwork = Caffeine.newBuilder()
                .maximumSize(config.maxAddresses())
                .expireAfterAccess(idle)
                .ticker(ticker)
                .executor(Runnable::run)
                .build();
    }

    boolean unlimited() {
        return intervalNanos == 0 && maxInFlight == 0;
    }

    /** A permit to start one cold verification for this client, or a refusal with the seconds to wait. */
    Permit tryAcquire(InetAddress client) {
        if (unlimited()) {
            return UNLIMITED;
        }
        AddressBudget budget = byNetwork.get(ClientNetwork.of(client), network -> new AddressBudget(ticker.read()));
        return budget.tryAcquire(ticker.read());
    }

    long addresses() {
        byNetwork.cleanUp();
        return byNetwork.estimatedSize();
    }

    /** Granted (then {@link #release()} once the verification ends) or refused with {@link #retryAfterSeconds()}. */
    static final class Permit {
        private final AddressBudget budget;
        private final long retryAfterSeconds;

        private Permit(AddressBudget budget, long retryAfterSeconds) {
            this.budget = budget;
            this.retryAfterSeconds = retryAfterSeconds;
        }

        boolean granted() {
            return retryAfterSeconds == 0;
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }

        void release() {
            if (budget != null) {
                budget.release();
            }
        }
    }

    /** One client's bucket (the time it would be full again, as in ratelimit.KeyRateLimiter) and its verifications in flight. */
    private final class AddressBudget {
        private long fullAt;
        private int inFlight;

        AddressBudget(long now) {
            this.fullAt = now;
        }

        synchronized Permit tryAcquire(long now) {
            if (maxInFlight > 0 && inFlight >= maxInFlight) {
                return new Permit(null, IN_FLIGHT_RETRY_AFTER_SECONDS);
            }
            if (intervalNanos > 0) {
                long booked = Math.max(fullAt, now) + intervalNanos;
                long ahead = booked - now;
                if (ahead > windowNanos) {
                    return new Permit(null, Math.max(1, (ahead - windowNanos + 999_999_999L) / 1_000_000_000L));
                }
                fullAt = booked;
            }
            inFlight++;
            return new Permit(this, 0);
        }

        synchronized void release() {
            inFlight--;
        }
    }
}
