package io.atc.edge.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;

import org.hibernate.validator.constraints.time.DurationMin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Every setting of the edge-bridge, {@code atc.edge.*} (docs/configuration.md, "MQTT", "Edge ingest" and
 * "Edge PKI"). Bounds are checked when the configuration is read, so a value out of range stops the start;
 * the secrets (broker passwords, PKI material) are checked by the start-up checks that explain them
 * (broker.BrokerConfigCheck, pki.PkiMaterial).
 */
@ConfigMapping(prefix = "atc.edge")
public interface EdgeConfig {

    Broker broker();

    Ingest ingest();

    Pki pki();

    /** Where the broker is and who the bridge is there: the one definition for the admin and the ingest connection. */
    interface Broker {

        @WithDefault("127.0.0.1")
        String host();

        @WithDefault("1883")
        @Min(1)
        @Max(65535)
        int port();

        /** The dynamic-security admin the platform owns. */
        @WithDefault("admin")
        String adminUsername();

        /** Secret: no default; the bridge refuses to start without it. */
        Optional<String> adminPassword();

        /** Secret of the ingest identity ({@code atc-ingest}): no default; required. */
        Optional<String> ingestPassword();

        /** How long a dynamic-security command may wait for its answer before the caller gets a 503. */
        @WithDefault("5s")
        @DurationMin(millis = 1)
        Duration commandTimeout();

        /** Longest wait between attempts to (re)connect to the broker. */
        @WithDefault("10s")
        @DurationMin(millis = 1)
        Duration reconnectMaxBackoff();

        /** How often the broker's device clients are reconciled with the database; 0 turns the timer off. */
        @WithDefault("5m")
        @DurationMin(millis = 0)
        Duration reconcileInterval();
    }

    /** The MQTT ingest (docs/edge.md, "Ingest"). */
    interface Ingest {

        /** Off in the test profile, so that tests of other features do not share the broker's ingest session with it. */
        @WithDefault("true")
        boolean enabled();

        /** Fixed per replica: the broker keeps this client's session (and its share of the queue) across restarts. */
        @WithDefault("atc-ingest")
        @NotEmpty
        String clientId();

        Batch batch();

        /** Largest event payload accepted; larger ones are dropped as oversize. */
        @WithDefault("65536")
        @Min(1)
        int maxEventBytes();

        /** Largest image (the bytes after the envelope header) accepted. */
        @WithDefault("1048576")
        @Min(1)
        int maxImageBytes();

        /** Payload bytes received and not yet acknowledged beyond which the bridge stops reading from the broker. */
        @WithDefault("67108864")
        @Min(1)
        long maxPendingBytes();

        /** Threads that write images to the blob store. */
        @WithDefault("4")
        @Min(1)
        int blobWriters();

        /** How long a device the registry does not know is remembered as unknown (a change notification clears it). */
        @WithDefault("10s")
        @DurationMin(millis = 0)
        Duration unknownDeviceTtl();

        @WithDefault("30s")
        @DurationMin(seconds = 1)
        Duration keepAlive();

        /** Longest wait between attempts to reconnect the device-change listener to Postgres. */
        @WithDefault("10s")
        @DurationMin(millis = 1)
        Duration listenerMaxBackoff();

        interface Batch {

            /** Messages of one tenant per transaction at most. */
            @WithDefault("500")
            @Min(1)
            int maxSize();

            /** Longest a message waits for more of its tenant's messages before its batch is written. */
            @WithDefault("10ms")
            @DurationMin(millis = 0)
            Duration maxLinger();
        }
    }

    /** The device PKI (docs/edge.md, "Device certificates"). */
    interface Pki {

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
        @DurationMin(seconds = 1)
        Duration deviceCertificateValidity();

        @WithDefault("P1825D")
        @DurationMin(seconds = 1)
        Duration intermediateValidity();

        /** The file the broker's {@code crlfile} points to; default {@code <data-dir>/device-crls.pem}. */
        Optional<Path> crlFile();

        @WithDefault("P7D")
        @DurationMin(seconds = 1)
        Duration crlValidity();

        /** How often CRLs are re-signed when due and the CRL file is rewritten when it changed. */
        @WithDefault("PT1M")
        @DurationMin(millis = 1)
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
}
