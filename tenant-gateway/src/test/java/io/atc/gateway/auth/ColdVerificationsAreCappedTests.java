package io.atc.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.atc.core.keys.ApiKeyFormat;
import io.atc.core.keys.ParsedApiKey;

/**
 * A flood of well-formed unknown keys (valid checksums, so they pass the cheap check), each from
 * another client address so no per-address budget stops it, cannot make the gateway queue
 * verifications without end: at most the cap run at once, a few wait, the rest are
 * answered OVERLOADED at once. Breaks if ConcurrencyLimit is bypassed (the fake sees more than the
 * cap in flight) or if its wait queue is unbounded (the excess waits for the slow keys-service).
 */
class ColdVerificationsAreCappedTests {

    private static final int CAP = 4;
    private static final int QUEUE = 8;
    private static final Duration SLOW = Duration.ofMillis(500);

    @RegisterExtension
    static final FakeKeysServiceExtension FAKE = new FakeKeysServiceExtension();

    private final ApiKeyFormat format = new ApiKeyFormat(GatewayReplica.ENVIRONMENT);

    @Test
    void aFloodOfUnknownKeysIsCappedAndTheExcessIsOverloadedAtOnce() {
        FAKE.keysService().answer(presented -> FakeKeysService.Reply.verdict(FakeKeysService.unknown())
                .after(SLOW));
        try (GatewayReplica gateway = new GatewayReplica(
                FAKE.vertx(),
                FAKE.keysService().verifyUrl(),
                GatewayReplica.limits(CAP, QUEUE),
                Duration.ofSeconds(3),
                java.time.Clock.systemUTC())) {
            int flood = 300;
            List<Timed> answers = new ArrayList<>();
            for (int i = 0; i < flood; i++) {
                answers.add(Timed.start(gateway.checkLater(format.generate().raw(), fromItsOwnAddress(i))
                        .subscribeAsCompletionStage()));
            }

            List<Timed> overloaded = answers.stream()
                    .filter(a -> a.outcome() == AuthOutcome.OVERLOADED)
                    .toList();
            List<Timed> verified = answers.stream()
                    .filter(a -> a.outcome() == AuthOutcome.UNKNOWN)
                    .toList();
            assertThat(verified.size() + overloaded.size()).isEqualTo(flood);
            assertThat(verified).hasSizeBetween(CAP, CAP + QUEUE);
            assertThat(FAKE.keysService().calls()).isEqualTo(verified.size());
            assertThat(FAKE.keysService().maxInFlight()).isBetween(1, CAP);
            assertThat(overloaded).allSatisfy(answer -> assertThat(answer.millis())
                    .as("overloaded without waiting for the slow keys-service")
                    .isLessThan(SLOW.toMillis() / 2));
            assertThat(gateway.coldVerifications()).isEqualTo(verified.size());

            ParsedApiKey good = format.generate();
            FAKE.keysService()
                    .answer(presented -> presented.equals(good.raw())
                            ? FakeKeysService.Reply.verdict(
                                    FakeKeysService.active(UUID.randomUUID(), UUID.randomUUID(), good.prefix(), null))
                            : FakeKeysService.Reply.verdict(FakeKeysService.unknown()));
            assertThat(gateway.outcome(good.raw()))
                    .as("the flood passed; a real key is verified again")
                    .isEqualTo(AuthOutcome.OK);
        }
    }

    /** Each request from another address: the per-address budget (ColdVerificationBudget) does not stop this flood. */
    private static java.net.InetAddress fromItsOwnAddress(int i) {
        return GatewayReplica.address("10.1." + (i / 250) + "." + (1 + i % 250));
    }

    private record Timed(CompletableFuture<KeyCheck> answer, long startNanos, long[] doneNanos) {

        static Timed start(CompletableFuture<KeyCheck> answer) {
            long[] done = new long[1];
            Timed timed = new Timed(answer, System.nanoTime(), done);
            answer.whenComplete((check, failure) -> done[0] = System.nanoTime());
            return timed;
        }

        AuthOutcome outcome() {
            return answer.join().outcome();
        }

        long millis() {
            answer.join();
            return Duration.ofNanos(doneNanos[0] - startNanos).toMillis();
        }
    }
}
