package io.atc.edge.broker;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the broker is and who the bridge is there; docs/configuration.md lists each key. */
@ConfigMapping(prefix = "atc.edge.broker")
public interface BrokerSettings {

    @WithDefault("127.0.0.1")
    String host();

    @WithDefault("1883")
    int port();

    /** The dynamic-security admin the platform owns. */
    @WithDefault("admin")
    String adminUsername();

    /** Secret: no default; the bridge refuses to start without it. */
    Optional<String> adminPassword();

    /** Secret of the ingest identity ({@value IngestIdentity#USERNAME}): no default; required. */
    Optional<String> ingestPassword();

    /** How long a dynamic-security command may wait for its answer before the caller gets a 503. */
    @WithDefault("5s")
    Duration commandTimeout();

    /** Longest wait between attempts to (re)connect to the broker. */
    @WithDefault("10s")
    Duration reconnectMaxBackoff();

    /** How often the broker's device clients are reconciled with the database; 0 turns the timer off. */
    @WithDefault("5m")
    Duration reconcileInterval();
}
