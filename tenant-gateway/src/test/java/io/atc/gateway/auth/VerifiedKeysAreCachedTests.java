package io.atc.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.atc.core.keys.ApiKeyFormat;
import io.atc.core.keys.ParsedApiKey;
import io.atc.gateway.support.MutableClock;
import io.vertx.core.Vertx;

/**
 * A key costs one verification by the keys-service, then is answered from memory; refusals are
 * remembered briefly; an expired key fails even when remembered.
 */
class VerifiedKeysAreCachedTests {

    private static Vertx vertx;
    private static FakeKeysService keysService;
    private final ApiKeyFormat format = new ApiKeyFormat(GatewayReplica.ENVIRONMENT);
    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private GatewayReplica gateway;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
        keysService = new FakeKeysService(vertx, GatewayReplica.TOKENS.gatewayToken());
    }

    @AfterAll
    static void stopVertx() {
        keysService.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @BeforeEach
    void newGateway() {
        gateway = new GatewayReplica(
                vertx, keysService.verifyUrl(), GatewayReplica.limits(4, 16), Duration.ofSeconds(3), clock);
    }

    @AfterEach
    void closeGateway() {
        gateway.close();
    }

    @Test
    void oneColdVerificationServesManyRequests() {
        ParsedApiKey key = format.generate();
        UUID tenant = UUID.randomUUID();
        UUID keyId = UUID.randomUUID();
        keysService.answer(
                presented -> FakeKeysService.Reply.verdict(FakeKeysService.active(tenant, keyId, key.prefix(), null)));
        int before = keysService.calls();

        for (int i = 0; i < 500; i++) {
            KeyCheck check = gateway.check(key.raw());
            assertThat(check.outcome()).isEqualTo(AuthOutcome.OK);
            assertThat(check.key().keyId()).isEqualTo(keyId);
            assertThat(check.key().tenant()).isEqualTo(tenant);
            assertThat(check.key().scopes()).containsExactly("keys:read");
            assertThat(check.key().allowedCidrs()).containsExactly("10.0.0.0/8");
            assertThat(check.key().allowedOrigins()).containsExactly("https://app.example.com");
        }
        assertThat(keysService.calls() - before).isEqualTo(1);
        assertThat(gateway.coldVerifications(AuthOutcome.OK)).isEqualTo(1);
        assertThat(keysService.unauthorised())
                .as("every call carried the gateway's token")
                .isZero();
    }

    @Test
    void concurrentRequestsForANewKeyShareOneVerification() {
        ParsedApiKey key = format.generate();
        keysService.answer(presented -> FakeKeysService.Reply.verdict(
                        FakeKeysService.active(UUID.randomUUID(), UUID.randomUUID(), key.prefix(), null))
                .after(Duration.ofMillis(300)));
        int before = keysService.calls();

        List<CompletableFuture<KeyCheck>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            answers.add(gateway.checkLater(key.raw()).subscribeAsCompletionStage());
        }

        assertThat(answers)
                .allSatisfy(answer -> assertThat(answer.join().outcome()).isEqualTo(AuthOutcome.OK));
        assertThat(keysService.calls() - before).isEqualTo(1);
    }

    /** Breaks if the cached hit skips the expiry check (AuthenticatedKey.expiredAt in KeyAuthenticator). */
    @Test
    void anExpiredKeyFailsEvenWhenCached() {
        ParsedApiKey key = format.generate();
        Instant expiry = clock.instant().plus(Duration.ofMinutes(1));
        keysService.answer(presented -> FakeKeysService.Reply.verdict(
                FakeKeysService.active(UUID.randomUUID(), UUID.randomUUID(), key.prefix(), expiry)));
        int before = keysService.calls();
        assertThat(gateway.outcome(key.raw())).isEqualTo(AuthOutcome.OK);

        clock.advance(Duration.ofSeconds(59));
        assertThat(gateway.outcome(key.raw())).isEqualTo(AuthOutcome.OK);
        clock.advance(Duration.ofSeconds(1));
        assertThat(gateway.outcome(key.raw())).isEqualTo(AuthOutcome.EXPIRED);
        assertThat(gateway.outcome(key.raw())).isEqualTo(AuthOutcome.EXPIRED);
        assertThat(keysService.calls() - before)
                .as("decided from memory and the clock")
                .isEqualTo(1);
    }

    @Test
    void anActiveVerdictForAKeyAlreadyExpiredByOurClockIsExpired() {
        ParsedApiKey key = format.generate();
        Instant expiry = clock.instant().minusSeconds(1);
        keysService.answer(presented -> FakeKeysService.Reply.verdict(
                FakeKeysService.active(UUID.randomUUID(), UUID.randomUUID(), key.prefix(), expiry)));

        assertThat(gateway.outcome(key.raw())).isEqualTo(AuthOutcome.EXPIRED);
    }

    @Test
    void refusalsAreRememberedBriefly() {
        ParsedApiKey unknown = format.generate();
        ParsedApiKey revoked = format.generate();
        UUID tenant = UUID.randomUUID();
        UUID revokedId = UUID.randomUUID();
        keysService.answer(presented -> presented.equals(revoked.raw())
                ? FakeKeysService.Reply.verdict(
                        FakeKeysService.inactive("revoked", tenant, revokedId, revoked.prefix()))
                : FakeKeysService.Reply.verdict(FakeKeysService.unknown()));
        int before = keysService.calls();

        for (int i = 0; i < 50; i++) {
            assertThat(gateway.outcome(unknown.raw())).isEqualTo(AuthOutcome.UNKNOWN);
            assertThat(gateway.outcome(revoked.raw())).isEqualTo(AuthOutcome.REVOKED);
        }
        assertThat(keysService.calls() - before).isEqualTo(2);

        clock.advance(Duration.ofSeconds(31));
        assertThat(gateway.outcome(unknown.raw())).isEqualTo(AuthOutcome.UNKNOWN);
        assertThat(keysService.calls() - before)
                .as("asked again once the refusal was forgotten")
                .isEqualTo(3);
    }

    @Test
    void verifiedKeysAreVerifiedAgainAfterTheSafetyTtl() {
        ParsedApiKey key = format.generate();
        keysService.answer(presented -> FakeKeysService.Reply.verdict(
                FakeKeysService.active(UUID.randomUUID(), UUID.randomUUID(), key.prefix(), null)));
        int before = keysService.calls();
        assertThat(gateway.outcome(key.raw())).isEqualTo(AuthOutcome.OK);

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(gateway.outcome(key.raw())).isEqualTo(AuthOutcome.OK);
        assertThat(keysService.calls() - before).isEqualTo(2);
    }

    @Test
    void aKeyChangeEvictsThatKeyAndItsRefusals() {
        ParsedApiKey key = format.generate();
        ParsedApiKey guessedSecret =
                format.parse(withSecretOf(key, format.generate())).orElseThrow();
        UUID tenant = UUID.randomUUID();
        UUID keyId = UUID.randomUUID();
        keysService.answer(presented -> presented.equals(key.raw())
                ? FakeKeysService.Reply.verdict(FakeKeysService.active(tenant, keyId, key.prefix(), null))
                : FakeKeysService.Reply.verdict(FakeKeysService.unknown()));
        int before = keysService.calls();
        assertThat(gateway.outcome(key.raw())).isEqualTo(AuthOutcome.OK);
        assertThat(gateway.outcome(guessedSecret.raw())).isEqualTo(AuthOutcome.UNKNOWN);

        keysService.answer(presented ->
                FakeKeysService.Reply.verdict(FakeKeysService.inactive("revoked", tenant, keyId, key.prefix())));
        gateway.authenticator.forget(new KeyChanged(tenant, keyId, key.prefix(), "revoked", false));

        assertThat(gateway.outcome(key.raw())).isEqualTo(AuthOutcome.REVOKED);
        assertThat(gateway.outcome(guessedSecret.raw())).isEqualTo(AuthOutcome.REVOKED);
        assertThat(keysService.calls() - before).isEqualTo(4);
    }

    /** Same prefix (id), another secret, a valid checksum: what someone guessing a key's secret would send. */
    private static String withSecretOf(ParsedApiKey key, ParsedApiKey other) {
        String body = key.prefix() + "_"
                + other.raw().substring(other.prefix().length() + 1, other.raw().length() - 6);
        return body + ApiKeyFormat.checksum(body);
    }
}
