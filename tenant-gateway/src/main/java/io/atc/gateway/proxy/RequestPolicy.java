package io.atc.gateway.proxy;

/** Decides each public request the proxy reads (the gateway's rules); the proxy only carries bytes and decisions. */
public interface RequestPolicy {

    /**
     * Takes a new request, on its connection's event loop and Vert.x context, and later {@link PendingRequest#decide
     * decides} it (a path no route claims included: the public port serves the routed API only).
     */
    void handle(PendingRequest request);
}
