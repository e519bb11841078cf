package io.atc.gateway.proxy;

import static io.atc.gateway.proxy.ExchangeState.ANSWERED;
import static io.atc.gateway.proxy.ExchangeState.CLIENT_GONE;
import static io.atc.gateway.proxy.ExchangeState.CONNECTING;
import static io.atc.gateway.proxy.ExchangeState.DECIDING;
import static io.atc.gateway.proxy.ExchangeState.DONE;
import static io.atc.gateway.proxy.ExchangeState.FORWARDING;
import static io.atc.gateway.proxy.ExchangeState.RESPONDING;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * An exchange's states change along a fixed set of transitions, every one of them named here.
 * Breaks when: a transition is added or dropped without this table changing with it (a finished
 * exchange that can be forwarded again, an answer that can start twice).
 */
class ExchangeStateTests {

    private static final Map<ExchangeState, EnumSet<ExchangeState>> ALLOWED = Map.of(
            DECIDING, EnumSet.of(CONNECTING, ANSWERED, CLIENT_GONE, DONE),
            CONNECTING, EnumSet.of(FORWARDING, ANSWERED, CLIENT_GONE, DONE),
            FORWARDING, EnumSet.of(RESPONDING, CONNECTING, ANSWERED, CLIENT_GONE, DONE),
            RESPONDING, EnumSet.of(ANSWERED, CLIENT_GONE, DONE),
            ANSWERED, EnumSet.of(CLIENT_GONE, DONE),
            CLIENT_GONE, EnumSet.of(DONE),
            DONE, EnumSet.noneOf(ExchangeState.class));

    @Test
    void theAllowedTransitionsAreAllowed() {
        ALLOWED.forEach((from, targets) -> targets.forEach(
                to -> assertThat(from.mayBecome(to)).as(from + " -> " + to).isTrue()));
    }

    @Test
    void everyOtherTransitionIsRefused() {
        for (ExchangeState from : ExchangeState.values()) {
            for (ExchangeState to : EnumSet.complementOf(ALLOWED.get(from))) {
                assertThat(from.mayBecome(to)).as(from + " -> " + to).isFalse();
            }
        }
        assertThat(DONE.mayBecome(DECIDING)).isFalse();
        assertThat(ANSWERED.mayBecome(RESPONDING)).as("an answer starts once").isFalse();
        assertThat(DECIDING.mayBecome(FORWARDING))
                .as("no forwarding without a connection")
                .isFalse();
        assertThat(RESPONDING.mayBecome(CONNECTING))
                .as("no replay once the upstream answered")
                .isFalse();
    }

    @Test
    void anAnswerHasStartedFromTheResponseOn() {
        assertThat(EnumSet.allOf(ExchangeState.class).stream().filter(ExchangeState::answerStarted))
                .containsExactlyInAnyOrder(RESPONDING, ANSWERED, DONE);
        assertThat(EnumSet.allOf(ExchangeState.class).stream().filter(ExchangeState::ended))
                .containsExactlyInAnyOrder(ANSWERED, CLIENT_GONE, DONE);
    }
}
