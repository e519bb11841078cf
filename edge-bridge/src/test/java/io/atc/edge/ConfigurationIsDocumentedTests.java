package io.atc.edge;

import org.junit.jupiter.api.Test;

import io.atc.edge.config.EdgeConfig;
import io.atc.testkit.config.DocumentedConfiguration;

/** Every setting this service reads is in docs/configuration.md, and the docs list none it does not read. */
class ConfigurationIsDocumentedTests {

    @Test
    void docsListExactlyTheSettingsTheMappingsRead() {
        DocumentedConfiguration.ofRepository().mappings(EdgeConfig.class).assertDocumentsExactly("ATC_EDGE_");
    }
}
