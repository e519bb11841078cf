package io.atc.keys.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.atc.keys.config.ConsoleConfig;

/**
 * The throttle's arithmetic: free failures, a delay that doubles up to its cap, failures forgotten
 * after the window or a success, one attempt at a time past the free failures, bounded memory.
 * Breaks when: the delay does not grow or is not capped, the window never forgets, or the map grows
 * without bound.
 */
class SignInThrottleTests {

    private static final UUID TENANT = UUID.randomUUID();
    private long now = 1_000_000_000L;
    private final SignInThrottle throttle = new SignInThrottle(config(3, 100), () -> now);

    @Test
    void theDelayDoublesFromTheLastFreeFailureUpToItsCap() {
        assertThat(failUntilBlocked("a@example.com", 3)).isEqualTo(Duration.ofSeconds(1));
        now += Duration.ofSeconds(1).toNanos();
        assertThat(failUntilBlocked("a@example.com", 1)).isEqualTo(Duration.ofSeconds(2));
        now += Duration.ofSeconds(2).toNanos();
        assertThat(failUntilBlocked("a@example.com", 1)).isEqualTo(Duration.ofSeconds(4));
        for (int i = 0; i < 20; i++) {
            now += Duration.ofMinutes(1).toNanos();
            failUntilBlocked("a@example.com", 1);
        }
        assertThat(throttle.admit(TENANT, "a@example.com")).contains(Duration.ofMinutes(1));
        assertThat(throttle.admit(TENANT, "b@example.com")).isEmpty();
    }

    @Test
    void failuresAreForgottenAfterTheWindowOrASuccess() {
        failUntilBlocked("c@example.com", 2);
        now += Duration.ofMinutes(16).toNanos();
        assertThat(failUntilBlocked("c@example.com", 2))
                .as("two fresh failures are free")
                .isNull();
        assertThat(throttle.admit(TENANT, "c@example.com")).isEmpty();
        throttle.succeeded(TENANT, "c@example.com");
        assertThat(failUntilBlocked("c@example.com", 2)).isNull();
    }

    @Test
    void pastTheFreeFailuresAttemptsAreJudgedOneAtATime() {
        for (int i = 0; i < 2; i++) {
            assertThat(throttle.admit(TENANT, "d@example.com")).isEmpty();
        }
        assertThat(throttle.admit(TENANT, "d@example.com")).isEmpty();
        assertThat(throttle.admit(TENANT, "d@example.com"))
                .as("three in flight, three free")
                .isPresent();
        throttle.abandoned(TENANT, "d@example.com");
        assertThat(throttle.admit(TENANT, "d@example.com")).isEmpty();
    }

    @Test
    void memoryIsBounded() {
        SignInThrottle small = new SignInThrottle(config(3, 100), () -> now);
        for (int i = 0; i < 1000; i++) {
            String email = "spray-" + i + "@example.com";
            small.admit(TENANT, email);
            small.failed(TENANT, email);
        }
        assertThat(small.tracked()).isEqualTo(100);
    }

    /** Fails {@code times} admitted attempts; the delay the next attempt must wait, or null. */
    private Duration failUntilBlocked(String email, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(throttle.admit(TENANT, email)).isEmpty();
            throttle.failed(TENANT, email);
        }
        Optional<Duration> wait = throttle.admit(TENANT, email);
        wait.ifPresentOrElse(ignored -> {}, () -> throttle.abandoned(TENANT, email));
        return wait.orElse(null);
    }

    private static ConsoleConfig.SignIn config(int freeFailures, int tracked) {
        return Configs.of(
                ConsoleConfig.SignIn.class,
                Map.of(
                        "freeFailures", freeFailures,
                        "failureWindow", Duration.ofMinutes(15),
                        "firstDelay", Duration.ofSeconds(1),
                        "longestDelay", Duration.ofMinutes(1),
                        "accountsTracked", tracked));
    }
}
