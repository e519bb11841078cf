package io.atc.gateway.auth;

import java.time.Duration;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.atc.core.keys.ApiKeyFormat;

/** Key authentication's settings, from {@code atc.gateway.keys.*} (docs/gateway-auth.md lists them). */
public class KeyAuthConfiguration {

    /**
     * The same property the keys-service reads, so the gateway never accepts (or refuses) an
     * environment the keys-service would not.
     */
    @Produces
    @Singleton
    ApiKeyFormat keyFormat(@ConfigProperty(name = "atc.keys.environment", defaultValue = "test") String environment) {
        return new ApiKeyFormat(environment);
    }

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
