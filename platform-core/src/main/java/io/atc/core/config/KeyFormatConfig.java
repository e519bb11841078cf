package io.atc.core.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The one shared API-key setting, {@code atc.keys.environment}: the keys-service issues keys of that
 * environment ({@code atc_<env>_...}) and the gateway refuses every other one.
 */
@ConfigMapping(prefix = "atc.keys")
public interface KeyFormatConfig {

    @WithDefault("test")
    String environment();
}
