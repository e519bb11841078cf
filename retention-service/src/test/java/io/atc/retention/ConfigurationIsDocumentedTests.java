package io.atc.retention;

import org.junit.jupiter.api.Test;

import io.atc.core.blobs.BlobStoreConfig;
import io.atc.core.retention.RetentionDefaultsConfig;
import io.atc.retention.config.RetentionConfig;
import io.atc.testkit.config.DocumentedConfiguration;

/** Every setting this service reads is in docs/configuration.md, and the docs list none it does not read. */
class ConfigurationIsDocumentedTests {

    @Test
    void docsListExactlyTheSettingsTheMappingsRead() {
        DocumentedConfiguration.ofRepository()
                .mappings(RetentionConfig.class, RetentionDefaultsConfig.class, BlobStoreConfig.class)
                .exempt(
                        "ATC_RETENTION_PORT",
                        "the HTTP port, read by quarkus.http.port (docs/configuration.md, \"Ports\")")
                .exempt("ATC_RETENTION_MANAGEMENT_PORT", "the management port, read by quarkus.management.port")
                .assertDocumentsExactly("ATC_RETENTION_");
    }
}
