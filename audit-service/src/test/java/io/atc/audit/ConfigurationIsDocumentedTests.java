package io.atc.audit;

import org.junit.jupiter.api.Test;

import io.atc.audit.config.AuditConfig;
import io.atc.testkit.config.DocumentedConfiguration;

/** Every setting this service reads is in docs/configuration.md, and the docs list none it does not read. */
class ConfigurationIsDocumentedTests {

    @Test
    void docsListExactlyTheSettingsTheMappingsRead() {
        DocumentedConfiguration.ofRepository()
                .mappings(AuditConfig.class)
                .exempt(
                        "ATC_AUDIT_CHECKPOINT_PUBLIC_KEY",
                        "read only by bin/audit-verify (cli.VerifyOptions), never by the service")
                .assertDocumentsExactly("ATC_AUDIT_");
    }
}
