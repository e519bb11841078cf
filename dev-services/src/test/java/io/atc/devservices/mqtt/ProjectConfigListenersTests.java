package io.atc.devservices.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The harness rewrites the project's two listeners without touching anything else: the plain one
 * gets a test port, the TLS one a test port and the test's CA files, or is dropped with its TLS lines.
 * A TLS line left behind would apply to the plain listener: {@code use_username_as_clientid} there
 * would give every bridge replica and admin connection the same client id, each taking the other's
 * session (seen failing when "use_username_as_clientid" is missing from the TLS directives).
 */
class ProjectConfigListenersTests {

    private static MosquittoConfig project() {
        return MosquittoConfig.read(MosquittoConfig.findInRepo(Path.of("").toAbsolutePath()));
    }

    @Test
    void droppingTheTlsListenerRemovesItsTlsSettingsOnly() {
        List<String> lines = project()
                .setListener(MosquittoConfig.PLAIN_PORT, "41883 127.0.0.1")
                .dropListener(MosquittoConfig.TLS_PORT)
                .text()
                .lines()
                .map(String::strip)
                .toList();

        assertThat(lines).contains("listener 41883 127.0.0.1", "allow_anonymous false", "persistence true");
        assertThat(lines)
                .noneMatch(line -> line.startsWith("listener 8883")
                        || line.startsWith("cafile")
                        || line.startsWith("crlfile")
                        || line.startsWith("require_certificate")
                        || line.startsWith("use_subject_as_username")
                        || line.startsWith("use_username_as_clientid")
                        || line.startsWith("tls_version"));
    }

    @Test
    void theTlsListenerKeepsRequiringCertificatesNamedBySubject() {
        List<String> lines = project()
                .setListener(MosquittoConfig.TLS_PORT, "48883 127.0.0.1")
                .set("cafile", "/tmp/test-root.pem")
                .set("crlfile", "/tmp/test-crls.pem")
                .text()
                .lines()
                .map(String::strip)
                .toList();

        assertThat(lines)
                .contains(
                        "listener 48883 127.0.0.1",
                        "cafile /tmp/test-root.pem",
                        "crlfile /tmp/test-crls.pem",
                        "require_certificate true",
                        "use_subject_as_username true",
                        "use_username_as_clientid true",
                        "tls_version tlsv1.2");
        assertThat(lines).noneMatch(line -> line.startsWith("use_identity_as_username"));
    }
}
