package io.atc.core.keys;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.atc.core.config.KeyFormatConfig;

/**
 * The deployment's key format, from the one shared setting atc.keys.environment: the keys-service
 * issues keys of that environment and the gateway refuses every other one before any I/O.
 */
public class ApiKeyFormatProducer {

    @Produces
    @Singleton
    ApiKeyFormat apiKeyFormat(KeyFormatConfig config) {
        return new ApiKeyFormat(config.environment());
    }
}
