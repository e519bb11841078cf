package io.atc.gateway.auth;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.atc.core.listen.ListenConnections;
import io.atc.core.startup.StartupRefusal;
import io.atc.gateway.identity.InternalTokenMinter;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;

/**
 * Listens on {@code atc_key_changes}, where the keys-service announces a revoked, rotated or otherwise
 * changed key when (and only when) the change commits, and drops what this replica remembers of that
 * key: verified and refused answers, the key's internal token; then tells the rest of the gateway
 * ({@link KeyChanged}). A lost connection may have lost notifications, so every (re)subscription
 * clears all caches and announces {@link KeyChanged#missedSome()}.
 *
 * <p>It never holds up start-up: connecting happens in the background and is retried with capped,
 * jittered backoff for as long as the gateway runs. A ping detects a silently dead connection.
 */
@ApplicationScoped
public class KeyChangeListener {

    private static final Logger LOG = Logger.getLogger(KeyChangeListener.class);
    /** Shows in pg_stat_activity, so operators (and tests) can find the listening session. */
    static final String APPLICATION_NAME = "atc-gateway-key-changes";
    private static final long FIRST_RETRY_MILLIS = 100;

    private final Vertx vertx;
    private final PgConnectOptions database;
    private final KeyAuthenticator authenticator;
    private final InternalTokenMinter tokens;
    private final Consumer<KeyChanged> announce;
    private final long maxBackoffMillis;
    private final long pingMillis;
    private volatile Subscription current;
    private volatile boolean stopped;

    @Inject
    KeyChangeListener(Vertx vertx, KeyAuthenticator authenticator, InternalTokenMinter tokens, Event<KeyChanged> events,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
            @ConfigProperty(name = "atc.gateway.keys.listener-max-backoff", defaultValue = "PT5S") Duration maxBackoff,
            @ConfigProperty(name = "atc.gateway.keys.listener-ping-interval", defaultValue = "PT10S") Duration ping) {
        this(vertx, ListenConnections.connectOptions(url, user, password.orElse(""), APPLICATION_NAME), authenticator, tokens,
                change -> events.fireAsync(change).exceptionally(failure -> {
                    LOG.warnf("an observer of a key change failed: %s", failure.toString());
                    return null;
                }), maxBackoff, ping);
    }

    KeyChangeListener(Vertx vertx, PgConnectOptions database, KeyAuthenticator authenticator, InternalTokenMinter tokens,
            Consumer<KeyChanged> announce, Duration maxBackoff, Duration ping) {
        this.vertx = vertx;
        this.database = new PgConnectOptions(database).addProperty("application_name", APPLICATION_NAME);
        this.authenticator = authenticator;
        this.tokens = tokens;
        this.announce = announce;
        this.maxBackoffMillis = Math.max(FIRST_RETRY_MILLIS, maxBackoff.toMillis());
        this.pingMillis = Math.max(100, ping.toMillis());
    }

    void onStart(@Observes @Priority(StartupRefusal.AFTER_CHECKS) StartupEvent ignored) {
        if (!StartupRefusal.refused()) {
            start();
        }
    }

    /** Before Vert.x closes, so the LISTEN connection ends cleanly. */
    void onStop(@Observes ShutdownEvent ignored) {
        stop();
    }

    /** Starts listening in the background; returns at once. */
    void start() {
        stopped = false;
        subscribe(0);
    }

    @PreDestroy
    void stop() {
        stopped = true;
        Subscription subscription = current;
        if (subscription != null) {
            subscription.end();
        }
    }

    /** True while subscribed: notifications are arriving. */
    boolean listening() {
        Subscription subscription = current;
        return subscription != null && subscription.listening;
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
        Optional<KeyChanged> change = KeyChangeNotifications.parse(payload);
        if (change.isEmpty()) {
            LOG.warnf("key-change listener: ignored a malformed notification on %s (%d characters)",
                    KeyChangeNotifications.CHANNEL, payload == null ? 0 : payload.length());
            return;
        }
        apply(change.get());
    }

    private void apply(KeyChanged change) {
        try {
            authenticator.forget(change);
            if (change.everything()) {
                tokens.forgetAll();
            } else if (change.keyId() != null) {
                tokens.forget(change.keyId());
            }
            announce.accept(change);
        } catch (RuntimeException e) {
            LOG.errorf("key-change listener: could not apply a %s change: %s", change.change(), e.toString());
        }
    }

    private long backoffMillis(int failedAttempts) {
        long exponential = FIRST_RETRY_MILLIS << Math.min(failedAttempts, 20);
        long capped = Math.min(maxBackoffMillis, exponential);
        return capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    }

    private String where() {
        return database.getHost() + ":" + database.getPort() + "/" + database.getDatabase();
    }

    /** One connection's life: connect, LISTEN, ping; when it ends for any reason, the next one is scheduled once. */
    private final class Subscription {

        private final PgSubscriber subscriber;
        private final AtomicBoolean ended = new AtomicBoolean();
        private volatile boolean listening;
        private long pingTimer = -1;

        Subscription(PgSubscriber subscriber) {
            this.subscriber = subscriber;
        }

        void open(int failedAttempts) {
            subscriber.closeHandler(ignored -> lost());
            subscriber.channel(KeyChangeNotifications.CHANNEL)
                    .subscribeHandler(ignored -> subscribed())
                    .handler(KeyChangeListener.this::onNotification);
            subscriber.connect().onFailure(failure -> {
                if (end()) {
                    long delay = backoffMillis(failedAttempts);
                    LOG.warnf("key-change listener: cannot listen on %s at %s (attempt %d, retrying in %d ms): %s;"
                            + " cached keys expire after their TTL until it can", KeyChangeNotifications.CHANNEL, where(),
                            failedAttempts + 1, delay, failure.toString());
                    vertx.setTimer(delay, timer -> subscribe(failedAttempts + 1));
                }
            });
        }

        private synchronized void subscribed() {
            if (ended.get()) {
                return;
            }
            apply(KeyChanged.missedSome());
            listening = true;
            LOG.infof("key-change listener: listening on %s at %s; caches cleared in case changes were missed",
                    KeyChangeNotifications.CHANNEL, where());
            pingTimer = ListenConnections.pingPeriodically(vertx, subscriber, pingMillis);
        }

        private void lost() {
            if (end()) {
                LOG.warnf("key-change listener: lost the connection to %s; reconnecting", where());
                vertx.setTimer(backoffMillis(0), timer -> subscribe(0));
            }
        }

        /** Ends this subscription; true for the one caller that actually ended it. */
        synchronized boolean end() {
            if (!ended.compareAndSet(false, true)) {
                return false;
            }
            listening = false;
            if (pingTimer >= 0) {
                vertx.cancelTimer(pingTimer);
            }
            subscriber.close();
            return true;
        }
    }
}
