package io.atc.core.keys;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The deployment's key format, from the one shared setting atc.keys.environment: the keys-service
 * issues keys of that environment and the gateway refuses every other one before any I/O.
 */
public class ApiKeyFormatProducer {

    @Produces
    @Singleton
    ApiKeyFormat format(@ConfigProperty(name = "atc.keys.environment") String environment) {
        return new ApiKeyFormat(environment);
    }
}
