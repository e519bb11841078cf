package io.atc.gateway.pipeline;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.DefaultBean;

/** Stands in until the per-key rate limiter is bound: no limit. */
@DefaultBean
@ApplicationScoped
public class Unlimited implements RateLimit {

    @Override
    public Decision tryAcquire(UUID keyId, String prefix) {
        return Decision.ALLOWED;
    }
}
