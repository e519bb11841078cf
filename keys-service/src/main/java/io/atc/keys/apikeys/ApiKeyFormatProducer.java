package io.atc.keys.apikeys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import io.atc.core.keys.ApiKeyFormat;

public class ApiKeyFormatProducer {

    @Produces
    @ApplicationScoped
    ApiKeyFormat format(@ConfigProperty(name = "atc.keys.environment", defaultValue = "test") String environment) {
        return new ApiKeyFormat(environment);
    }
}
