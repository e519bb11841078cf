package io.atc.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.atc.core.keys.ApiKeyFormat;
import io.atc.core.keys.ParsedApiKey;
import io.atc.gateway.support.MutableClock;
import io.atc.gateway.support.Poll;

/**
 * A verified key used near the end of its cache TTL is verified again in the background, so a busy
 * key never pays a cold verification on the request path (nor meets a flood in the cold slots).
 * Refresh-ahead must not weaken revocation: a refresh that says revoked or unknown drops the key at
 * once, a refresh that gets no answer never extends the cached verdict past its TTL, and a revocation
 * notice arriving during a refresh is not undone by the refresh's older answer.
 */
class BusyKeysAreRefreshedAheadOfExpiryTests {

    private static final Duration TTL = Duration.ofMinutes(5);

    @RegisterExtension
    static final FakeKeysServiceExtension FAKE = new FakeKeysServiceExtension();

    private final ApiKeyFormat format = new ApiKeyFormat(GatewayReplica.ENVIRONMENT);
    private final UUID tenant = UUID.randomUUID();
    private final UUID keyId = UUID.randomUUID();

    /**
     * TTL 2 s, refreshed in its last three quarters (wide, for a loaded CI machine), keys-service
     * 20 ms per verification; the key is used every 10 ms for 5 s (2.5 TTLs) and every use must be
     * answered from memory. Breaks (on main, and with refresh-ahead-fraction=0) when the entry
     * expires and the next use finds nothing.
     */
    @Test
    void aBusyKeyNeverPaysAColdVerificationOnTheRequestPath() throws Exception {
        ParsedApiKey key = format.generate();
        FAKE.keysService()
                .answer(presented -> FakeKeysService.Reply.verdict(active(key)).after(Duration.ofMillis(20)));
        try (GatewayReplica gateway = replica(Duration.ofSeconds(2), "0.75", Clock.systemUTC())) {
            int before = FAKE.keysService().calls();
            assertThat(gateway.outcome(key.raw())).isEqualTo(AuthOutcome.OK);

            int uses = 0;
            long end = System.nanoTime() + Duration.ofMillis(5000).toNanos();
            while (System.nanoTime() < end) {
                KeyCheck known = gateway.authenticator.known(key.raw());
                assertThat(known)
                        .as(
                                "use %d, %d ms in: answered from memory",
                                uses, 5000 - (end - System.nanoTime()) / 1_000_000)
                        .isNotNull();
                assertThat(known.outcome()).isEqualTo(AuthOutcome.OK);
                uses++;
                Thread.sleep(10);
            }
            int calls = FAKE.keysService().calls() - before;
            assertThat(calls)
                    .as("one verification, then about one refresh per 0.5-2 s, never one per use")
                    .isBetween(3, 14);
            assertThat(gateway.refreshes(AuthOutcome.OK)).isEqualTo(calls - 1);
        }
    }

    /** Breaks if a refused refresh leaves the old entry in the positive cache (KeyAuthenticator.refreshed). */
    @Test
    void aRefreshThatSaysRevokedOrUnknownDropsTheKeyAtOnce() {
        for (String answer : new String[] {"revoked", "unknown"}) {
            MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
            ParsedApiKey key = format.generate();
            FAKE.keysService().answer(presented -> FakeKeysService.Reply.verdict(active(key)));
            try (GatewayReplica gateway = replica(TTL, "0.2", clock)) {
                assertThat(gateway.outcome(key.raw())).isEqualTo(AuthOutcome.OK);
                FAKE.keysService()
                        .answer(presented -> FakeKeysService.Reply.verdict(
                                answer.equals("unknown")
                                        ? FakeKeysService.unknown()
                                        : FakeKeysService.inactive("revoked", tenant, keyId, key.prefix())));
                int before = FAKE.keysService().calls();

                clock.advance(Duration.ofMinutes(3));
                assertThat(gateway.outcome(key.raw())).as("not yet due").isEqualTo(AuthOutcome.OK);
                assertThat(FAKE.keysService().calls()).isEqualTo(before);
                clock.advance(Duration.ofMinutes(1).plusSeconds(30));
                assertThat(gateway.outcome(key.raw()))
                        .as("the old verdict serves while the refresh runs")
                        .isEqualTo(AuthOutcome.OK);
                Poll.within(Duration.ofSeconds(5), "the refresh is answered", () -> gateway.refreshes() == 1);

                assertThat(gateway.outcome(key.raw()))
                        .isEqualTo(answer.equals("unknown") ? AuthOutcome.UNKNOWN : AuthOutcome.REVOKED);
                assertThat(FAKE.keysService().calls() - before)
                        .as("dropped by the refresh itself, not after another cold verification")
                        .isEqualTo(1);
            }
        }
    }

    /**
     * The keys-service does not answer the refresh (a revocation's notice lost meanwhile): the cached
     * verdict still ends at its TTL, as without refresh-ahead, and the refresh is tried again at most
     * once a second, not by every request. Breaks if a failed refresh re-puts the old verdict or if
     * the entry's expiry is counted from its last use or last refresh attempt.
     */
    @Test
    void aRefreshWithoutAnswerNeverExtendsTheVerdictPastItsTtl() {
        MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
        ParsedApiKey key = format.generate();
        FAKE.keysService().answer(presented -> FakeKeysService.Reply.verdict(active(key)));
        try (GatewayReplica gateway = replica(TTL, "0.2", clock)) {
            assertThat(gateway.outcome(key.raw())).isEqualTo(AuthOutcome.OK);
            FAKE.keysService().answer(presented -> FakeKeysService.Reply.status(503));
            int before = FAKE.keysService().calls();

            clock.advance(Duration.ofMinutes(4).plusSeconds(10));
            for (int i = 0; i < 20; i++) {
                assertThat(gateway.outcome(key.raw())).isEqualTo(AuthOutcome.OK);
            }
            Poll.within(Duration.ofSeconds(5), "the refresh ends", () -> gateway.refreshes() == 1);
            assertThat(gateway.refreshes(AuthOutcome.UNAVAILABLE)).isEqualTo(1);
            assertThat(FAKE.keysService().calls() - before)
                    .as("twenty uses in the same second, one refresh")
                    .isEqualTo(1);

            clock.advance(Duration.ofSeconds(49));
            assertThat(gateway.outcome(key.raw()))
                    .as("59 s later, within the TTL")
                    .isEqualTo(AuthOutcome.OK);
            Poll.within(Duration.ofSeconds(5), "the second refresh ends", () -> gateway.refreshes() == 2);
            clock.advance(Duration.ofSeconds(1));
            assertThat(gateway.outcome(key.raw()))
                    .as("TTL over: asked cold, and the keys-service still does not answer")
                    .isEqualTo(AuthOutcome.UNAVAILABLE);
        }
    }

    /**
     * A refresh answered "active" just before the key was revoked, its answer arriving after the
     * revocation notice: the notice wins. Breaks if the refresh's verdict is put without the key-change
     * check (KeyAuthenticator.remember).
     */
    @Test
    void aRevocationNoticeDuringARefreshIsNotUndoneByIt() {
        MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
        ParsedApiKey key = format.generate();
        FAKE.keysService().answer(presented -> FakeKeysService.Reply.verdict(active(key)));
        try (GatewayReplica gateway = replica(TTL, "0.2", clock)) {
            assertThat(gateway.outcome(key.raw())).isEqualTo(AuthOutcome.OK);
            // The refresh's answer is decided when the fake reads it (its first call from here): active,
            // late; every later call (the cold verification after the notice) hears revoked.
            java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
            FAKE.keysService()
                    .answer(presented -> asked.getAndIncrement() == 0
                            ? FakeKeysService.Reply.verdict(active(key)).after(Duration.ofMillis(1500))
                            : FakeKeysService.Reply.verdict(
                                    FakeKeysService.inactive("revoked", tenant, keyId, key.prefix())));
            clock.advance(Duration.ofMinutes(4).plusSeconds(30));
            int before = FAKE.keysService().calls();
            assertThat(gateway.outcome(key.raw())).isEqualTo(AuthOutcome.OK);
            Poll.within(
                    Duration.ofSeconds(5),
                    "the refresh is asked",
                    () -> FAKE.keysService().calls() > before);

            gateway.authenticator.forget(new KeyChanged(tenant, keyId, key.prefix(), "revoked", false));
            Poll.within(Duration.ofSeconds(5), "the refresh's late answer arrives", () -> gateway.refreshes() == 1);

            assertThat(gateway.refreshes(AuthOutcome.OK))
                    .as("the late answer was active")
                    .isEqualTo(1);
            assertThat(gateway.outcome(key.raw())).isEqualTo(AuthOutcome.REVOKED);
        }
    }

    @Test
    void refreshAheadCanBeTurnedOff() {
        MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
        ParsedApiKey key = format.generate();
        FAKE.keysService().answer(presented -> FakeKeysService.Reply.verdict(active(key)));
        try (GatewayReplica gateway = replica(TTL, "0", clock)) {
            assertThat(gateway.outcome(key.raw())).isEqualTo(AuthOutcome.OK);
            int before = FAKE.keysService().calls();
            clock.advance(Duration.ofMinutes(4).plusSeconds(59));
            assertThat(gateway.outcome(key.raw())).isEqualTo(AuthOutcome.OK);
            assertThat(FAKE.keysService().calls()).isEqualTo(before);
            assertThat(gateway.authenticator.known(key.raw())).isNotNull();
            clock.advance(Duration.ofSeconds(1));
            assertThat(gateway.authenticator.known(key.raw()))
                    .as("expired, cold again")
                    .isNull();
        }
    }

    private GatewayReplica replica(Duration ttl, String fraction, Clock clock) {
        return new GatewayReplica(
                FAKE.vertx(),
                FAKE.keysService().verifyUrl(),
                GatewayReplica.limits(Map.of(
                        "atc.gateway.keys.cache-ttl",
                        ttl.toString(),
                        "atc.gateway.keys.refresh-ahead-fraction",
                        fraction)),
                Duration.ofSeconds(3),
                clock);
    }

    private io.vertx.core.json.JsonObject active(ParsedApiKey key) {
        return FakeKeysService.active(tenant, keyId, key.prefix(), null);
    }
}
