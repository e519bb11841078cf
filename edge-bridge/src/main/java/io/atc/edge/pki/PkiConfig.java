package io.atc.edge.pki;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The device PKI's settings (docs/configuration.md, "Edge PKI"). */
@ConfigMapping(prefix = "atc.edge.pki")
public interface PkiConfig {

    /** PEM private key of the platform root CA (a mounted secret). */
    Optional<Path> rootKeyFile();

    /** PEM certificate of the platform root CA. */
    Optional<Path> rootCertFile();

    /** Base64 of the 32-byte AES key that seals tenant intermediate keys in the database. */
    Optional<String> kek();

    /** Where generated development material and, by default, the CRL file live. */
    @WithDefault("data/edge-pki")
    Path dataDir();

    /** Generate a missing root CA and KEK into the data dir instead of refusing to start (dev, test, ./run). */
    @WithDefault("false")
    boolean generateMissing();

    @WithDefault("P90D")
    Duration deviceCertificateValidity();

    @WithDefault("P1825D")
    Duration intermediateValidity();

    /** The file the broker's {@code crlfile} points to; default {@code <data-dir>/device-crls.pem}. */
    Optional<Path> crlFile();

    @WithDefault("P7D")
    Duration crlValidity();

    /** How often CRLs are re-signed when due and the CRL file is rewritten when it changed. */
    @WithDefault("PT1M")
    Duration crlPublishInterval();

    /** Run after the CRL file changed, e.g. {@code kill -HUP <mosquitto pid>}; split on spaces, no shell. */
    Optional<String> crlReloadCommand();

    /** DNS names and IPs of the development broker certificate generated into the data dir. */
    @WithDefault("localhost,127.0.0.1")
    List<String> brokerServerNames();

    default Path effectiveCrlFile() {
        return crlFile().orElse(dataDir().resolve("device-crls.pem"));
    }
}
