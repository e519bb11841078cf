package io.atc.edge.pki;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.atc.edge.support.PackagedBridgeEnvironment;
import io.atc.testkit.quarkus.PackagedServiceRefusal;

/**
 * The packaged edge-bridge (production mode) never invents its own root CA or KEK: without them, or
 * with a root key that is not the root certificate's, it exits with one line saying what to set.
 */
class EdgeBridgeRefusesToStartWithoutPkiMaterialIT {

    @TempDir
    Path dir;

    @Test
    void noRootCaAndNoKek() throws Exception {
        assertRefused(
                Map.of(),
                "ATC-STARTUP-PKI",
                "set ATC_EDGE_PKI_ROOT_KEY_FILE, ATC_EDGE_PKI_ROOT_CERT_FILE, ATC_EDGE_PKI_KEK");
    }

    @Test
    void rootKeyOfAnotherCertificate() throws Exception {
        RootCa root = RootCa.generate(Instant.now(), Duration.ofDays(30));
        RootCa other = RootCa.generate(Instant.now(), Duration.ofDays(30));
        Path cert = Files.writeString(dir.resolve("root.crt"), Pem.certificate(root.certificate()));
        Path key = Files.writeString(dir.resolve("other.key"), Pem.privateKey(other.key()));

        assertRefused(
                Map.of(
                        "ATC_EDGE_PKI_ROOT_KEY_FILE",
                        key.toString(),
                        "ATC_EDGE_PKI_ROOT_CERT_FILE",
                        cert.toString(),
                        "ATC_EDGE_PKI_KEK",
                        KeyEncryptionKey.generate().base64()),
                "ATC-STARTUP-PKI",
                "the root key does not belong to the root certificate");
    }

    private void assertRefused(Map<String, String> pki, String... reasons) throws Exception {
        Map<String, String> env = PackagedBridgeEnvironment.startable(dir.resolve("generated"));
        for (String variable : new String[] {
            "ATC_EDGE_PKI_ROOT_KEY_FILE",
            "ATC_EDGE_PKI_ROOT_CERT_FILE",
            "ATC_EDGE_PKI_KEK",
            "ATC_EDGE_PKI_GENERATE_MISSING"
        }) {
            env.put(variable, null);
        }
        env.putAll(pki);
        PackagedServiceRefusal.assertRefused(env, reasons);
    }
}
