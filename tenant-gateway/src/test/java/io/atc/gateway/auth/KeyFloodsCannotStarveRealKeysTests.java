package io.atc.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.atc.core.keys.ApiKeyFormat;
import io.atc.core.keys.ParsedApiKey;

/**
 * The key checksum is public, so anyone can make endless well-formed unknown keys; each misses every
 * cache and costs a cold verification (argon2id at the keys-service, about 20 ms). A flood of them
 * from one client address must not take the few cold slots from a real key of another client whose
 * cache entry has expired. Breaks when ColdVerificationBudget is bypassed or disabled: the control
 * test below runs the same flood with the budget off (today's main) and sees the real key refused
 * as overloaded, which is why this test failed before the budget existed.
 */
class KeyFloodsCannotStarveRealKeysTests {

    private static final Duration ARGON2 = Duration.ofMillis(20);
    private static final InetAddress FLOODER = GatewayReplica.address("203.0.113.66");
    private static final InetAddress REAL_CLIENT = GatewayReplica.address("198.51.100.7");

    @RegisterExtension
    static final FakeKeysServiceExtension FAKE = new FakeKeysServiceExtension();

    private final ApiKeyFormat format = new ApiKeyFormat(GatewayReplica.ENVIRONMENT);

    @Test
    void aFloodFromOneAddressLeavesTheSlotsToRealKeysOfOthers() throws Exception {
        Flood flood = flood(Map.of());

        assertThat(flood.realKeyOutcomes)
                .as("a real key whose cache entry keeps expiring, asked during the flood")
                .hasSizeGreaterThan(10)
                .containsOnly(AuthOutcome.OK);
        assertThat(flood.floodOutcomes.getOrDefault(AuthOutcome.THROTTLED, 0))
                .as("most of the flood is refused by its address's budget")
                .isGreaterThan(flood.sent / 2);
        assertThat(flood.floodOutcomes).doesNotContainKey(AuthOutcome.OK);
        assertThat(flood.floodCalls)
                .as("keys-service calls the flooding address got: its burst and rate, not its requests")
                .isLessThanOrEqualTo(20 + (int) Math.ceil(5 * flood.seconds) + 1);
    }

    /** The same flood with the budget off, as on main before it: the real key is refused as overloaded. */
    @Test
    void withoutTheBudgetTheSameFloodStarvesTheRealKey() throws Exception {
        Flood flood = flood(Map.of(
                "atc.gateway.keys.per-address.cold-verifications-per-second", "0",
                "atc.gateway.keys.per-address.max-cold-in-flight", "0"));

        assertThat(flood.realKeyOutcomes).contains(AuthOutcome.OVERLOADED);
    }

    /**
     * For about 1.5 s, 40 distinct well-formed unknown keys every 20 ms (2,000/s) from one address,
     * while a real key from another address, with a verified-key TTL of 1 ms (so every use is cold),
     * is asked every 50 ms; 2 cold slots, 2 waiting.
     */
    private Flood flood(Map<String, String> overrides) throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of(
                "atc.gateway.keys.max-cold-verifications", "2",
                "atc.gateway.keys.cold-verification-queue", "2",
                "atc.gateway.keys.cache-ttl", "PT0.001S",
                "atc.gateway.keys.refresh-ahead-fraction", "0"));
        settings.putAll(overrides);
        ParsedApiKey real = format.generate();
        FAKE.keysService().answer(presented -> (presented.equals(real.raw())
                        ? FakeKeysService.Reply.verdict(
                                FakeKeysService.active(UUID.randomUUID(), UUID.randomUUID(), real.prefix(), null))
                        : FakeKeysService.Reply.verdict(FakeKeysService.unknown()))
                .after(ARGON2));
        Flood flood = new Flood();
        try (GatewayReplica gateway = new GatewayReplica(
                FAKE.vertx(),
                FAKE.keysService().verifyUrl(),
                GatewayReplica.limits(settings),
                Duration.ofSeconds(3),
                Clock.systemUTC())) {
            List<CompletableFuture<KeyCheck>> floodAnswers = new ArrayList<>();
            List<CompletableFuture<KeyCheck>> realAnswers = new ArrayList<>();
            int callsBefore = FAKE.keysService().calls();
            long started = System.nanoTime();
            for (int tick = 0; tick < 75; tick++) {
                for (int i = 0; i < 40; i++) {
                    floodAnswers.add(
                            gateway.checkLater(format.generate().raw(), FLOODER).subscribeAsCompletionStage());
                }
                if (tick % 5 == 4) {
                    realAnswers.add(gateway.checkLater(real.raw(), REAL_CLIENT).subscribeAsCompletionStage());
                }
                Thread.sleep(20);
            }
            for (CompletableFuture<KeyCheck> answer : realAnswers) {
                flood.realKeyOutcomes.add(answer.join().outcome());
            }
            for (CompletableFuture<KeyCheck> answer : floodAnswers) {
                flood.floodOutcomes.merge(answer.join().outcome(), 1, Integer::sum);
            }
            flood.sent = floodAnswers.size();
            flood.seconds = (System.nanoTime() - started) / 1e9;
            flood.floodCalls = FAKE.keysService().calls() - callsBefore - realAnswers.size();
        }
        return flood;
    }

    private static final class Flood {
        final List<AuthOutcome> realKeyOutcomes = new ArrayList<>();
        final Map<AuthOutcome, Integer> floodOutcomes = new HashMap<>();
        int sent;
        int floodCalls;
        double seconds;
    }
}
