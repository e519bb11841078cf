package io.atc.gateway.proxy;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.SocketAddress;

/** A request as the gateway's rules see it while they decide (its body, if any, waits). */
public interface PendingRequest {

    HttpMethod method();

    /** The request target's path as sent (not decoded, not normalised). */
    String rawPath();

    MultiMap headers();

    String header(CharSequence name);

    SocketAddress peer();

    /** The largest request body the gateway forwards, in bytes. */
    long bodyLimit();

    /** Whether the client is still there to answer (it may leave while a key is being verified). */
    boolean open();

    /** Runs {@code step} on the request's event loop and Vert.x context (a key verification may complete elsewhere). */
    void resume(Runnable step);

    /**
     * Carries out the rules' decision. A later one (an internal error while forwarding) replaces it until the
     * answer has started, and cuts the exchange off after that.
     */
    void decide(Decision decision);
}
