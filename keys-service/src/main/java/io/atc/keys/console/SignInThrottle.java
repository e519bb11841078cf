package io.atc.keys.console;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.atc.keys.config.ConsoleConfig;

/**
 * Per-account throttle of console sign-in, keyed by the (tenant, email) an attempt names whether or
 * not such a user exists, so it answers alike for real and made-up accounts. After
 * {@code freeFailures} failures within the window, each further failure doubles a delay (from
 * {@code firstDelay} up to {@code longestDelay}) during which every attempt on that account is
 * refused before any database read or argon2id work, a correct password included: otherwise the
 * delay would still let a guess be tested. A success forgets the account's failures.
 *
 * <p>Held in memory, per replica, in a map of bounded size (least recently failed forgotten first):
 * no write per failed attempt reaches the database (a flood of made-up accounts would otherwise
 * become write load, and an unknown tenant has nowhere to store it), at the price that N replicas
 * give an attacker N times the free failures; the delays still double on each.
 */
@ApplicationScoped
class SignInThrottle {

    private final int freeFailures;
    private final long windowNanos;
    private final long firstDelayNanos;
    private final long longestDelayNanos;
    private final LongSupplier nanoTime;
    private final Map<Account, Failures> accounts;

    @Inject
    SignInThrottle(ConsoleConfig config) {
        this(config.signIn(), System::nanoTime);
    }

    SignInThrottle(ConsoleConfig.SignIn config, LongSupplier nanoTime) {
        this.freeFailures = config.freeFailures();
        this.windowNanos = config.failureWindow().toNanos();
        this.firstDelayNanos = config.firstDelay().toNanos();
        this.longestDelayNanos = config.longestDelay().toNanos();
        this.nanoTime = nanoTime;
        int capacity = config.accountsTracked();
        this.accounts = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Account, Failures> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * Admits an attempt on the account, or says how long it must still wait. Attempts still being
     * judged count as failures here, so parallel guesses cannot slip past the free failures; once
     * an account is past them, its attempts are judged one at a time.
     */
    synchronized Optional<Duration> admit(UUID tenant, String email) {
        long now = nanoTime.getAsLong();
        Failures failures = accounts.computeIfAbsent(new Account(tenant, email), account -> new Failures());
        if (failures.count > 0
                && now - failures.lastFailure > windowNanos
                && (failures.count < freeFailures || now - failures.blockedUntil > 0)) {
            failures.count = 0;
        }
        long left = failures.count >= freeFailures ? failures.blockedUntil - now : 0;
        if (left > 0) {
            return Optional.of(Duration.ofNanos(left));
        }
        if (failures.pending > 0 && failures.count + failures.pending >= freeFailures) {
            return Optional.of(Duration.ofNanos(firstDelayNanos));
        }
        failures.pending++;
        return Optional.empty();
    }

    /** An admitted attempt failed (wrong tenant, email or password, or a disabled user). */
    synchronized void failed(UUID tenant, String email) {
        long now = nanoTime.getAsLong();
        Failures failures = accounts.computeIfAbsent(new Account(tenant, email), account -> new Failures());
        failures.pending = Math.max(0, failures.pending - 1);
        failures.count++;
        failures.lastFailure = now;
        int beyond = failures.count - freeFailures;
        if (beyond >= 0) {
            long delay = Math.min(firstDelayNanos, longestDelayNanos);
            for (int i = 0; i < beyond && delay < longestDelayNanos; i++) {
                delay = Math.min(delay * 2, longestDelayNanos);
            }
            failures.blockedUntil = now + delay;
        }
    }

    /** An admitted attempt signed in: the account's failures are forgotten. */
    synchronized void succeeded(UUID tenant, String email) {
        accounts.remove(new Account(tenant, email));
    }

    /** An admitted attempt ended without a verdict (the database failed, the client went away). */
    synchronized void abandoned(UUID tenant, String email) {
        Account account = new Account(tenant, email);
        Failures failures = accounts.get(account);
        if (failures != null) {
            failures.pending = Math.max(0, failures.pending - 1);
            if (failures.pending == 0 && failures.count == 0) {
                accounts.remove(account);
            }
        }
    }

    /** Accounts held in memory now. */
    synchronized int tracked() {
        return accounts.size();
    }

    private record Account(UUID tenant, String email) {}

    private static final class Failures {
        int count;
        int pending;
        long lastFailure;
        long blockedUntil;
    }
}
