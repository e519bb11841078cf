package io.atc.gateway.auth;

import java.time.Duration;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Key authentication's settings, from {@code atc.gateway.keys.*} (docs/gateway-auth.md lists them). */
public class KeyAuthConfiguration {

    @Produces
    @Singleton
    KeyAuthLimits limits(
            @ConfigProperty(name = "atc.gateway.keys.cache-max-entries", defaultValue = "100000") int cacheMaxEntries,
            @ConfigProperty(name = "atc.gateway.keys.cache-ttl", defaultValue = "PT5M") Duration cacheTtl,
            @ConfigProperty(name = "atc.gateway.keys.negative-cache-max-entries", defaultValue = "10000") int negativeMaxEntries,
            @ConfigProperty(name = "atc.gateway.keys.negative-cache-ttl", defaultValue = "PT30S") Duration negativeTtl,
            @ConfigProperty(name = "atc.gateway.keys.max-cold-verifications", defaultValue = "4") int maxColdVerifications,
            @ConfigProperty(name = "atc.gateway.keys.cold-verification-queue", defaultValue = "16") int coldVerificationQueue) {
        return new KeyAuthLimits(cacheMaxEntries, cacheTtl, negativeMaxEntries, negativeTtl, maxColdVerifications,
                coldVerificationQueue);
    }
}
