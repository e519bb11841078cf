package io.atc.edge.ingest;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.atc.core.listen.ListenConnections;
import io.atc.core.startup.StartupRefusal;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;

/**
 * Keeps {@link DeviceDirectory} current: LISTENs on {@code atc_edge_device_changes}, where a trigger
 * on edge.devices announces every committed change with the device id, and refreshes that device.
 * A lost connection may have lost notifications, so every (re)subscription reloads the whole
 * directory. Reconnects with capped, jittered backoff for as long as the bridge runs; a ping
 * detects a silently dead connection.
 */
@ApplicationScoped
public class DeviceChangeListener {

    static final String CHANNEL = "atc_edge_device_changes";
    /** Shows in pg_stat_activity, so operators (and tests) can find the listening session. */
    static final String APPLICATION_NAME = "atc-edge-device-changes";
    private static final Logger LOG = Logger.getLogger(DeviceChangeListener.class);
    private static final long PING_MILLIS = 10_000;

    private final Vertx vertx;
    private final PgConnectOptions database;
    private final DeviceDirectory directory;
    private final IngestSettings settings;
    private final Backoff backoff;
    private volatile Subscription current;
    private volatile boolean stopped;

    @Inject
    DeviceChangeListener(Vertx vertx, DeviceDirectory directory, IngestSettings settings,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.directory = directory;
        this.settings = settings;
        this.database = ListenConnections.connectOptions(url, user, password.orElse(""), APPLICATION_NAME);
        this.backoff = new Backoff(settings.listenerMaxBackoff());
    }

    void onStart(@Observes @Priority(StartupRefusal.AFTER_CHECKS) StartupEvent ignored) {
        if (settings.enabled() && !StartupRefusal.refused()) {
            stopped = false;
            subscribe(0);
        }
    }

    void onStop(@Observes ShutdownEvent ignored) {
        stopped = true;
        Subscription subscription = current;
        if (subscription != null) {
            subscription.end();
        }
    }

    private void subscribe(int failedAttempts) {
        if (stopped) {
            return;
        }
        Subscription subscription = new Subscription(PgSubscriber.subscriber(vertx, database));
        current = subscription;
        subscription.open(failedAttempts);
    }

    private void onNotification(String payload) {
        Optional<UUID> deviceId = Uuids.parseCanonical(payload);
        if (deviceId.isEmpty()) {
            LOG.warnf("device-change listener: ignored a malformed notification on %s", CHANNEL);
            return;
        }
        directory.refresh(deviceId.get()).subscribe().with(done -> { }, failure -> LOG.warnf(
                "device-change listener: could not refresh device %s: %s", deviceId.get(), failure.toString()));
    }

    private String where() {
        return database.getHost() + ":" + database.getPort() + "/" + database.getDatabase();
    }

    /** One connection's life: connect, LISTEN, reload, ping; when it ends for any reason, the next one is scheduled once. */
    private final class Subscription {

        private final PgSubscriber subscriber;
        private final AtomicBoolean ended = new AtomicBoolean();
        private long pingTimer = -1;

        Subscription(PgSubscriber subscriber) {
            this.subscriber = subscriber;
        }

        void open(int failedAttempts) {
            subscriber.closeHandler(ignored -> lost(0));
            subscriber.channel(CHANNEL)
                    .subscribeHandler(ignored -> subscribed())
                    .handler(DeviceChangeListener.this::onNotification);
            subscriber.connect().onFailure(failure -> {
                LOG.warnf("device-change listener: cannot listen on %s at %s (attempt %d): %s", CHANNEL, where(),
                        failedAttempts + 1, failure.toString());
                lost(failedAttempts + 1);
            });
        }

        private synchronized void subscribed() {
            if (ended.get()) {
                return;
            }
            pingTimer = ListenConnections.pingPeriodically(vertx, subscriber, PING_MILLIS);
            directory.reload().subscribe().with(
                    done -> LOG.infof("device-change listener: listening on %s at %s; device directory reloaded",
                            CHANNEL, where()),
                    failure -> {
                        LOG.warnf("device-change listener: could not reload the device directory: %s", failure.toString());
                        subscriber.close();
                    });
        }

        private void lost(int failedAttempts) {
            if (end() && !stopped) {
                long delay = backoff.delayMillis(failedAttempts);
                vertx.setTimer(delay, timer -> subscribe(failedAttempts));
            }
        }

        /** Ends this subscription; true for the one caller that actually ended it. */
        synchronized boolean end() {
            if (!ended.compareAndSet(false, true)) {
                return false;
            }
            if (pingTimer >= 0) {
                vertx.cancelTimer(pingTimer);
            }
            subscriber.close();
            return true;
        }
    }
}
