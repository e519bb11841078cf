package io.atc.gateway.proxy;

/**
 * Where an exchange is, from the client connection's side: the rules deciding, the upstream being
 * reached, the request and then the response streaming, the answer complete, the exchange over.
 * Only the transitions {@link #mayBecome} allows happen; any other is a bug and fails loudly.
 * Whether the request has been read to its end is separate (a client may still be sending while
 * the answer is already complete).
 */
enum ExchangeState {
    /** The rules are deciding (a cold key verification may take a while); the request body is held. */
    DECIDING,
    /** Forwarded: a connection to the upstream is being opened (or a pooled one taken); the body is held. */
    CONNECTING,
    /** The request streams to the upstream; nothing of its response has been passed on yet. */
    FORWARDING,
    /** The upstream's response head is out (or held to go with its first body piece); its body streams to the client. */
    RESPONDING,
    /** The answer is complete, the gateway's own or the upstream's; the rest of the request may still be read. */
    ANSWERED,
    /** The client left before the answer was complete. */
    CLIENT_GONE,
    /** Over: handed back to the connection (the next request goes, or the connection closes). */
    DONE;

    /** Whether an exchange in this state may move to {@code next}. */
    boolean mayBecome(ExchangeState next) {
        return switch (this) {
            case DECIDING -> next == CONNECTING || next == ANSWERED || next == CLIENT_GONE || next == DONE;
            case CONNECTING -> next == FORWARDING || next == ANSWERED || next == CLIENT_GONE || next == DONE;
            // CONNECTING again: a pooled connection the upstream had just closed, replaced once by a new one.
            case FORWARDING ->
                next == RESPONDING || next == CONNECTING || next == ANSWERED || next == CLIENT_GONE || next == DONE;
            case RESPONDING -> next == ANSWERED || next == CLIENT_GONE || next == DONE;
            case ANSWERED -> next == CLIENT_GONE || next == DONE;
            case CLIENT_GONE -> next == DONE;
            case DONE -> false;
        };
    }

    /** The answer has started: a problem can no longer replace it. */
    boolean answerStarted() {
        return this == RESPONDING || this == ANSWERED || this == DONE;
    }

    /** The exchange has been counted in the metrics (answered, cut off, or left by the client). */
    boolean ended() {
        return this == ANSWERED || this == CLIENT_GONE || this == DONE;
    }
}
