package io.atc.gateway.auth;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.atc.core.config.DatabaseConfig;
import io.atc.core.listen.ChannelListener;
import io.atc.core.listen.ListenConnections;
import io.atc.core.startup.StartupRefusal;
import io.atc.gateway.config.GatewayConfig;
import io.atc.gateway.identity.InternalTokenMinter;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;

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
public class KeyChangeListener implements ChannelListener.Owner {

    private static final Logger LOG = Logger.getLogger(KeyChangeListener.class);
    /** Shows in pg_stat_activity, so operators (and tests) can find the listening session. */
    static final String APPLICATION_NAME = "atc-gateway-key-changes";

    private final KeyAuthenticator authenticator;
    private final InternalTokenMinter tokens;
    private final Consumer<KeyChanged> announce;
    private final ChannelListener listener;

    @Inject
    KeyChangeListener(
            Vertx vertx,
            KeyAuthenticator authenticator,
            InternalTokenMinter tokens,
            Event<KeyChanged> events,
            DatabaseConfig database,
            GatewayConfig config) {
        this(
                vertx,
                ListenConnections.connectOptions(database, APPLICATION_NAME),
                authenticator,
                tokens,
                change -> events.fireAsync(change).exceptionally(failure -> {
                    LOG.warnf("an observer of a key change failed: %s", failure.toString());
                    return null;
                }),
                config.keys().listenerMaxBackoff(),
                config.keys().listenerPingInterval());
    }

    KeyChangeListener(
            Vertx vertx,
            PgConnectOptions database,
            KeyAuthenticator authenticator,
            InternalTokenMinter tokens,
            Consumer<KeyChanged> announce,
            Duration maxBackoff,
            Duration ping) {
        this.authenticator = authenticator;
        this.tokens = tokens;
        this.announce = announce;
        this.listener = new ChannelListener(
                vertx,
                new PgConnectOptions(database).addProperty("application_name", APPLICATION_NAME),
                KeyChangeNotifications.CHANNEL,
                "key-change listener",
                "; cached keys expire after their TTL until it can",
                maxBackoff,
                ping,
                this);
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
        listener.start();
    }

    @PreDestroy
    void stop() {
        listener.stop();
    }

    /** True while subscribed: notifications are arriving. */
    boolean listening() {
        return listener.listening();
    }

    @Override
    public void subscribed(Runnable reconnect) {
        apply(KeyChanged.missedSome());
        LOG.infof(
                "key-change listener: listening on %s at %s; caches cleared in case changes were missed",
                KeyChangeNotifications.CHANNEL, listener.where());
    }

    @Override
    public void notification(String payload) {
        Optional<KeyChanged> change = KeyChangeNotifications.parse(payload);
        if (change.isEmpty()) {
            LOG.warnf(
                    "key-change listener: ignored a malformed notification on %s (%d characters)",
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
}
