package io.atc.keys.config;

import java.time.Duration;
import java.util.Optional;

import org.hibernate.validator.constraints.time.DurationMin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Console sessions, {@code atc.console.*} (docs/configuration.md, "Keys and console"): a prefix of its
 * own, so the ATC_CONSOLE_* names stay what operators set.
 */
@ConfigMapping(prefix = "atc.console")
public interface ConsoleConfig {

    /** Base64 PKCS#8 Ed25519 key signing console sessions; without it, a key of the process (sessions end on restart). */
    Optional<String> sessionSigningKey();

    @WithDefault("15m")
    @DurationMin(seconds = 1)
    Duration sessionLifetime();
}
