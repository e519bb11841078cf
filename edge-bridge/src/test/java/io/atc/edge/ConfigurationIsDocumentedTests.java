package io.atc.edge;

import org.junit.jupiter.api.Test;

import io.atc.core.blobs.BlobStoreConfig;
import io.atc.edge.config.EdgeConfig;
import io.atc.testkit.config.DocumentedConfiguration;

/** Every setting this service reads is in docs/configuration.md, and the docs list none it does not read. */
class ConfigurationIsDocumentedTests {

    @Test
    void docsListExactlyTheSettingsTheMappingsRead() {
        DocumentedConfiguration.ofRepository()
                .mappings(EdgeConfig.class, BlobStoreConfig.class)
                .exempt("ATC_EDGE_BROKER_TLS_PORT", "read by ./run (the launcher's broker), not by the bridge")
                .assertDocumentsExactly("ATC_EDGE_");
    }
}
