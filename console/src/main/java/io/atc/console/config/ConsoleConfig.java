package io.atc.console.config;

import java.net.URI;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The console's settings (ATC_CONSOLE_*, docs/configuration.md). */
@ConfigMapping(prefix = "atc.console")
public interface ConsoleConfig {

    /** The gateway's public URL: every action of the console is a request to the public API there. */
    @WithDefault("http://127.0.0.1:8080")
    URI gatewayUrl();

    /** The longest the console waits for one answer of the gateway. */
    @WithDefault("PT10S")
    Duration gatewayTimeout();
}
