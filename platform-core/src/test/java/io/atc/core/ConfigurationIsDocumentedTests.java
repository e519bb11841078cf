package io.atc.core;

import org.junit.jupiter.api.Test;

import io.atc.core.blobs.BlobStoreConfig;
import io.atc.core.config.DatabaseConfig;
import io.atc.core.config.InternalTokenConfig;
import io.atc.core.retention.RetentionDefaultsConfig;
import io.atc.testkit.config.DocumentedConfiguration;

/** Every setting this service reads is in docs/configuration.md, and the docs list none it does not read. */
class ConfigurationIsDocumentedTests {

    @Test
    void docsListExactlyTheSettingsTheMappingsRead() {
        DocumentedConfiguration.ofRepository()
                .mappings(
                        DatabaseConfig.class,
                        InternalTokenConfig.class,
                        RetentionDefaultsConfig.class,
                        BlobStoreConfig.class)
                .exempt("ATC_DB_OWNER_USER", "read by the migrator (schema) and ./run, not by a service")
                .exempt("ATC_DB_OWNER_PASSWORD", "read by the migrator (schema) and ./run, not by a service")
                .exempt("ATC_DB_RETENTION_USER", "read by the migrator (schema) and ./run, not by a service")
                .exempt("ATC_DB_RETENTION_PASSWORD", "read by the migrator (schema) and ./run, not by a service")
                .assertDocumentsExactly(
                        "ATC_DB_",
                        "ATC_INTERNAL_JWT_",
                        "ATC_HTTP_",
                        "ATC_LOG_",
                        "ATC_RETENTION_DEFAULT_",
                        "ATC_EDGE_BLOBS_");
    }
}
