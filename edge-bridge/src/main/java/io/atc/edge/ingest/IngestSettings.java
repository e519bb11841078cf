package io.atc.edge.ingest;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The ingest's settings, {@code atc.edge.ingest.*} (docs/configuration.md, "Edge ingest"). */
@ConfigMapping(prefix = "atc.edge.ingest")
public interface IngestSettings {

    /** Off in the test profile, so that tests of other features do not share the broker's ingest session with it. */
    @WithDefault("true")
    boolean enabled();

    /** Fixed per replica: the broker keeps this client's session (and its share of the queue) across restarts. */
    @WithDefault("atc-ingest")
    String clientId();

    Batch batch();

    /** Largest event payload accepted; larger ones are dropped as oversize. */
    @WithDefault("65536")
    int maxEventBytes();

    /** Largest image (the bytes after the envelope header) accepted. */
    @WithDefault("1048576")
    int maxImageBytes();

    /** Payload bytes received and not yet acknowledged beyond which the bridge stops reading from the broker. */
    @WithDefault("67108864")
    long maxPendingBytes();

    /** Threads that write images to the blob store. */
    @WithDefault("4")
    int blobWriters();

    /** How long a device the registry does not know is remembered as unknown (a change notification clears it). */
    @WithDefault("10s")
    Duration unknownDeviceTtl();

    @WithDefault("30s")
    Duration keepAlive();

    /** Longest wait between attempts to reconnect the device-change listener to Postgres. */
    @WithDefault("10s")
    Duration listenerMaxBackoff();

    interface Batch {

        /** Messages of one tenant per transaction at most. */
        @WithName("max-size")
        @WithDefault("500")
        int maxSize();

        /** Longest a message waits for more of its tenant's messages before its batch is written. */
        @WithName("max-linger")
        @WithDefault("10ms")
        Duration maxLinger();
    }
}
