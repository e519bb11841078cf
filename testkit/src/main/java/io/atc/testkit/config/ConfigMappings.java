package io.atc.testkit.config;

import java.util.Map;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * A service's real config mapping, read from the given properties only (no files, no environment),
 * for unit tests that build a component by hand: its defaults are the mapping's own, so tests never
 * copy them. Quarkus's converters ({@code 5m}, {@code 1M}) apply; bean validation does not.
 */
public final class ConfigMappings {

    private ConfigMappings() {}

    public static <T> T defaults(Class<T> mapping) {
        return of(mapping, Map.of());
    }

    public static <T> T of(Class<T> mapping, Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDiscoveredConverters()
                .withSources(new PropertiesConfigSource(properties, "test properties", 100))
                .withMapping(mapping)
                .build();
        return config.getConfigMapping(mapping);
    }
}
