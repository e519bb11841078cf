package io.atc.gateway.pipeline;

import java.util.UUID;


/** Stands in until the per-key rate limiter is bound: no limit. */
final class Unlimited implements RateLimit {

    @Override
    public Decision tryAcquire(UUID keyId, String prefix) {
        return Decision.ALLOWED;
    }
}
