package io.atc.retention;

import org.junit.jupiter.api.Test;

import io.atc.core.retention.RetentionDefaultsConfig;
import io.atc.testkit.config.DocumentedConfiguration;

/** Every setting this service reads is in docs/configuration.md, and the docs list none it does not read. */
class ConfigurationIsDocumentedTests {

    @Test
    void docsListExactlyTheSettingsTheMappingsRead() {
        DocumentedConfiguration.ofRepository()
                .mappings(RetentionDefaultsConfig.class)
                .assertDocumentsExactly("ATC_RETENTION_DEFAULT_");
    }
}
