package io.atc.gateway.pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.quarkus.arc.DefaultBean;

/**
 * The fail-closed stand-ins for the pipeline's ports, used until a real implementation is bound.
 * Bind one the same way, with a producer whose declared type is the port, e.g.
 * {@code @Produces @ApplicationScoped RateLimit rateLimit(KeyRateLimiter limiter) { return limiter::tryAcquire; }}:
 * it replaces the default here, and tests can still swap the port (QuarkusMock) whatever implements it.
 */
public class PortBindings {

    @Produces
    @DefaultBean
    @ApplicationScoped
    KeyAuthentication keyAuthentication() {
        return new KeyAuthenticationUnbound();
    }

    @Produces
    @DefaultBean
    @ApplicationScoped
    CallerAddressPolicy callerAddressPolicy() {
        return new PeerAddressOnly();
    }

    @Produces
    @DefaultBean
    @ApplicationScoped
    OriginPolicy originPolicy() {
        return new NoCrossOriginAccess();
    }

    @Produces
    @DefaultBean
    @ApplicationScoped
    RateLimit rateLimit() {
        return new Unlimited();
    }
}
