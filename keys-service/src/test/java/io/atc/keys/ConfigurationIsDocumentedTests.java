package io.atc.keys;

import org.junit.jupiter.api.Test;

import io.atc.core.config.KeyFormatConfig;
import io.atc.keys.config.ConsoleConfig;
import io.atc.keys.config.KeysConfig;
import io.atc.keys.config.OperatorConfig;
import io.atc.testkit.config.DocumentedConfiguration;

/** Every setting this service reads is in docs/configuration.md, and the docs list none it does not read. */
class ConfigurationIsDocumentedTests {

    @Test
    void docsListExactlyTheSettingsTheMappingsRead() {
        DocumentedConfiguration.ofRepository()
                .mappings(KeysConfig.class, KeyFormatConfig.class, ConsoleConfig.class, OperatorConfig.class)
                .assertDocumentsExactly("ATC_KEYS_", "ATC_CONSOLE_SESSION_", "ATC_CONSOLE_SIGN_IN_", "ATC_OPERATOR_");
    }
}
