package io.atc.console;

import org.junit.jupiter.api.Test;

import io.atc.console.config.ConsoleConfig;
import io.atc.testkit.config.DocumentedConfiguration;

/** Every setting the console reads is in docs/configuration.md, and the docs list none it does not read. */
class ConfigurationIsDocumentedTests {

    @Test
    void docsListExactlyTheSettingsTheMappingsRead() {
        DocumentedConfiguration.ofRepository()
                .mappings(ConsoleConfig.class)
                .exempt(
                        "ATC_CONSOLE_PORT",
                        "the HTTP port, read by quarkus.http.port (docs/configuration.md, \"Ports\")")
                .exempt("ATC_CONSOLE_MANAGEMENT_PORT", "the management port, read by quarkus.management.port")
                // ATC_CONSOLE_SESSION_* and ATC_CONSOLE_SIGN_IN_* are the keys-service's (its own test).
                .assertDocumentsExactly("ATC_CONSOLE_GATEWAY_", "ATC_CONSOLE_PORT", "ATC_CONSOLE_MANAGEMENT_PORT");
    }
}
