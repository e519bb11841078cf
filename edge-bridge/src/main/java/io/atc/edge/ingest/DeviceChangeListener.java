package io.atc.edge.ingest;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.atc.core.config.DatabaseConfig;
import io.atc.core.listen.ChannelListener;
import io.atc.core.listen.ListenConnections;
import io.atc.core.startup.StartupRefusal;
import io.atc.edge.config.EdgeConfig;
import io.atc.edge.ids.Uuids;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * Keeps {@link DeviceDirectory} current: LISTENs on {@code atc_edge_device_changes}, where a trigger
 * on edge.devices announces every committed change with the device id, and refreshes that device.
 * A lost connection may have lost notifications, so every (re)subscription reloads the whole
 * directory. Reconnects with capped, jittered backoff for as long as the bridge runs; a ping
 * detects a silently dead connection.
 */
@ApplicationScoped
public class DeviceChangeListener implements ChannelListener.Owner {

    static final String CHANNEL = "atc_edge_device_changes";
    /** Shows in pg_stat_activity, so operators (and tests) can find the listening session. */
    static final String APPLICATION_NAME = "atc-edge-device-changes";

    private static final Logger LOG = Logger.getLogger(DeviceChangeListener.class);
    private static final Duration PING = Duration.ofSeconds(10);

    private final DeviceDirectory directory;
    private final EdgeConfig.Ingest settings;
    private final ChannelListener listener;

    @Inject
    DeviceChangeListener(Vertx vertx, DeviceDirectory directory, EdgeConfig config, DatabaseConfig database) {
        this.directory = directory;
        this.settings = config.ingest();
        this.listener = new ChannelListener(
                vertx,
                ListenConnections.connectOptions(database, APPLICATION_NAME),
                CHANNEL,
                "device-change listener",
                "",
                settings.listenerMaxBackoff(),
                PING,
                this);
    }

    void onStart(@Observes @Priority(StartupRefusal.AFTER_CHECKS) StartupEvent ignored) {
        if (settings.enabled() && !StartupRefusal.refused()) {
            listener.start();
        }
    }

    void onStop(@Observes ShutdownEvent ignored) {
        listener.stop();
    }

    @Override
    public void subscribed(Runnable reconnect) {
        directory
                .reload()
                .subscribe()
                .with(
                        done -> LOG.infof(
                                "device-change listener: listening on %s at %s; device directory reloaded",
                                CHANNEL, listener.where()),
                        failure -> {
                            LOG.warnf(
                                    "device-change listener: could not reload the device directory: %s",
                                    failure.toString());
                            reconnect.run();
                        });
    }

    @Override
    public void notification(String payload) {
        Optional<UUID> deviceId = Uuids.parseCanonical(payload);
        if (deviceId.isEmpty()) {
            LOG.warnf("device-change listener: ignored a malformed notification on %s", CHANNEL);
            return;
        }
        directory
                .refresh(deviceId.get())
                .subscribe()
                .with(
                        done -> {},
                        failure -> LOG.warnf(
                                "device-change listener: could not refresh device %s: %s",
                                deviceId.get(), failure.toString()));
    }
}
