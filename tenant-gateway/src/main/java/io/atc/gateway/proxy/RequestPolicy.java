package io.atc.gateway.proxy;

/** Decides each public request the proxy reads (the gateway's rules); the proxy only carries bytes and decisions. */
public interface RequestPolicy {

    /**
     * Takes a new request, on its connection's event loop and Vert.x context, and later {@link PendingRequest#decide
     * decides} it.
     * @return false when the request is not for a gateway route (the gateway's own endpoints): it is left untouched
     */
    boolean handle(PendingRequest request);
}
