package io.atc.gateway.ratelimit;

import java.net.InetAddress;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.atc.core.net.ClientNetwork;
import io.atc.gateway.config.GatewayConfig;

/**
 * Rate limits for the requests that carry no key, per client address and per replica, in two budgets:
 * sign-in, sign-out and onboarding ({@link #tryAcquire}: a sign-in costs the keys-service an argon2id
 * verification, so without a limit one client could keep its hashing threads busy), and the console's
 * session checks ({@link #tryAcquireSessionCheck}: one per page view, cheap, so a looser budget of its own;
 * a client hammering sign-in does not stop the pages of admins at its address, nor the reverse). Counted
 * per {@link ClientNetwork} (IPv6: per /64).
 */
@Singleton
public class KeylessRateLimiter {

    private final KeyRateLimiter signIns;
    private final KeyRateLimiter sessionChecks;

    @Inject
    public KeylessRateLimiter(GatewayConfig config) {
        this(
                new KeyRateLimiter(
                        RateLimits.parse(
                                config.rateLimit().keyless().requestsPerSecond(),
                                config.rateLimit().keyless().burst(),
                                List.of()),
                        System::nanoTime),
                new KeyRateLimiter(
                        RateLimits.parse(
                                config.rateLimit().sessionCheck().requestsPerSecond(),
                                config.rateLimit().sessionCheck().burst(),
                                List.of()),
                        System::nanoTime));
    }

    KeylessRateLimiter(KeyRateLimiter signIns, KeyRateLimiter sessionChecks) {
        this.signIns = signIns;
        this.sessionChecks = sessionChecks;
    }

    /** Sign-in, sign-out, onboarding. */
    public RateDecision tryAcquire(InetAddress client) {
        return signIns.tryAcquire(bucketOf(client), null);
    }

    /** A console session check. */
    public RateDecision tryAcquireSessionCheck(InetAddress client) {
        return sessionChecks.tryAcquire(bucketOf(client), null);
    }

    static UUID bucketOf(InetAddress client) {
        return ClientNetwork.of(client);
    }
}
