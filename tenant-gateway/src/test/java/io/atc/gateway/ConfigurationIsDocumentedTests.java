package io.atc.gateway;

import org.junit.jupiter.api.Test;

import io.atc.gateway.config.GatewayConfig;
import io.atc.testkit.config.DocumentedConfiguration;

/** Every setting this service reads is in docs/configuration.md, and the docs list none it does not read. */
class ConfigurationIsDocumentedTests {

    @Test
    void docsListExactlyTheSettingsTheMappingsRead() {
        DocumentedConfiguration.ofRepository().mappings(GatewayConfig.class).assertDocumentsExactly("ATC_GATEWAY_");
    }
}
