package io.atc.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.atc.core.keys.ApiKeyFormat;
import io.atc.core.keys.ParsedApiKey;
import io.vertx.core.json.JsonObject;

/**
 * When the keys-service cannot answer, a key it has not verified is UNAVAILABLE (503 at the edge),
 * never OK and never UNKNOWN, and that non-answer is not remembered: the next request asks again.
 */
class KeysServiceOutageIsUnavailableTests {

    private static final Duration TIMEOUT = Duration.ofMillis(300);

    @RegisterExtension
    static final FakeKeysServiceExtension FAKE = new FakeKeysServiceExtension();

    private final ApiKeyFormat format = new ApiKeyFormat(GatewayReplica.ENVIRONMENT);

    @Test
    void unreachableIsUnavailableAndNotCached() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (GatewayReplica gateway = replica("http://127.0.0.1:" + closedPort + "/internal/v1/keys/verify")) {
            String key = format.generate().raw();
            assertThat(gateway.outcome(key)).isEqualTo(AuthOutcome.UNAVAILABLE);
            assertThat(gateway.outcome(key)).isEqualTo(AuthOutcome.UNAVAILABLE);
            assertThat(gateway.coldVerifications(AuthOutcome.UNAVAILABLE))
                    .as("asked twice")
                    .isEqualTo(2);
        }
    }

    @Test
    void serverErrorIsUnavailableAndNotCached() {
        ParsedApiKey key = format.generate();
        FAKE.keysService().answer(presented -> FakeKeysService.Reply.status(500));
        try (GatewayReplica gateway = replica(FAKE.keysService().verifyUrl())) {
            int before = FAKE.keysService().calls();
            assertThat(gateway.outcome(key.raw())).isEqualTo(AuthOutcome.UNAVAILABLE);
            assertThat(gateway.outcome(key.raw())).isEqualTo(AuthOutcome.UNAVAILABLE);
            assertThat(FAKE.keysService().calls() - before).isEqualTo(2);

            FAKE.keysService()
                    .answer(presented -> FakeKeysService.Reply.verdict(
                            FakeKeysService.active(UUID.randomUUID(), UUID.randomUUID(), key.prefix(), null)));
            assertThat(gateway.outcome(key.raw())).as("recovered at once").isEqualTo(AuthOutcome.OK);
        }
    }

    @Test
    void noAnswerInTimeIsUnavailableWithinTheTimeout() {
        String key = format.generate().raw();
        FAKE.keysService().answer(presented -> FakeKeysService.Reply.never());
        try (GatewayReplica gateway = replica(FAKE.keysService().verifyUrl())) {
            int before = FAKE.keysService().calls();
            long start = System.nanoTime();
            assertThat(gateway.outcome(key)).isEqualTo(AuthOutcome.UNAVAILABLE);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.multipliedBy(4));
            assertThat(gateway.outcome(key)).isEqualTo(AuthOutcome.UNAVAILABLE);
            assertThat(FAKE.keysService().calls() - before).isEqualTo(2);
        }
    }

    @Test
    void aSlowTrickleIsCutAtTheTimeoutToo() {
        String key = format.generate().raw();
        FAKE.keysService().answer(presented -> FakeKeysService.Reply.verdict(FakeKeysService.unknown())
                .after(TIMEOUT.multipliedBy(3)));
        try (GatewayReplica gateway = replica(FAKE.keysService().verifyUrl())) {
            assertThat(gateway.outcome(key)).isEqualTo(AuthOutcome.UNAVAILABLE);
        }
    }

    /** Breaks if a nonsense answer is read as a success: a verdict for another key must never let this one in. */
    @Test
    void anAnswerThatDoesNotFitIsUnavailable() {
        ParsedApiKey key = format.generate();
        try (GatewayReplica gateway = replica(FAKE.keysService().verifyUrl())) {
            FAKE.keysService()
                    .answer(presented -> FakeKeysService.Reply.verdict(FakeKeysService.active(
                            UUID.randomUUID(),
                            UUID.randomUUID(),
                            format.generate().prefix(),
                            null)));
            assertThat(gateway.outcome(key.raw())).isEqualTo(AuthOutcome.UNAVAILABLE);

            FAKE.keysService()
                    .answer(presented -> FakeKeysService.Reply.verdict(new JsonObject().put("status", "maybe")));
            assertThat(gateway.outcome(key.raw())).isEqualTo(AuthOutcome.UNAVAILABLE);

            FAKE.keysService().answer(presented -> new FakeKeysService.Reply(200, "<html>", Duration.ZERO));
            assertThat(gateway.outcome(key.raw())).isEqualTo(AuthOutcome.UNAVAILABLE);

            FAKE.keysService()
                    .answer(presented -> FakeKeysService.Reply.verdict(
                            new JsonObject().put("status", "active").put("prefix", key.prefix())));
            assertThat(gateway.outcome(key.raw())).isEqualTo(AuthOutcome.UNAVAILABLE);
        }
    }

    private static GatewayReplica replica(String verifyUrl) {
        return new GatewayReplica(FAKE.vertx(), verifyUrl, GatewayReplica.limits(4, 16), TIMEOUT, Clock.systemUTC());
    }
}
