package io.atc.core.listen;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

import io.atc.core.retry.Backoff;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;

/**
 * A LISTEN on one channel that stays up for as long as the service runs: it connects in the
 * background (never holding up start-up), retries with {@link Backoff}, pings to notice a silently
 * dead connection, and reconnects whenever the connection ends. A lost connection may have lost
 * notifications, so the owner is told each time the subscription is (re)established and must
 * resynchronise then; it gets a way to drop the connection (and so retry) if that fails.
 */
public final class ChannelListener {

    /** What the owner does with the channel. */
    public interface Owner {

        /** Subscribed (again): notifications may have been missed; {@code reconnect} drops this connection. */
        void subscribed(Runnable reconnect);

        void notification(String payload);
    }

    private static final Logger LOG = Logger.getLogger(ChannelListener.class);

    private final Vertx vertx;
    private final PgConnectOptions database;
    private final String channel;
    private final String name;
    private final String whileDown;
    private final Backoff backoff;
    private final long pingMillis;
    private final Owner owner;
    private volatile Subscription current;
    private volatile boolean stopped = true;

    /**
     * @param name      for log lines, e.g. "key-change listener"
     * @param whileDown what a failed attempt's log line adds about the consequence
     */
    public ChannelListener(
            Vertx vertx,
            PgConnectOptions database,
            String channel,
            String name,
            String whileDown,
            Duration maxBackoff,
            Duration ping,
            Owner owner) {
        this.vertx = vertx;
        this.database = database;
        this.channel = channel;
        this.name = name;
        this.whileDown = whileDown;
        this.backoff = new Backoff(maxBackoff);
        this.pingMillis = Math.max(100, ping.toMillis());
        this.owner = owner;
    }

    /** Starts listening in the background; returns at once. */
    public void start() {
        stopped = false;
        subscribe(0);
    }

    public void stop() {
        stopped = true;
        Subscription subscription = current;
        if (subscription != null) {
            subscription.end();
        }
    }

    /** True while subscribed: notifications are arriving. */
    public boolean listening() {
        Subscription subscription = current;
        return subscription != null && subscription.listening;
    }

    /** Where it listens, for log lines: host:port/database. */
    public String where() {
        return database.getHost() + ":" + database.getPort() + "/" + database.getDatabase();
    }

    private void subscribe(int failedAttempts) {
        if (stopped) {
            return;
        }
        Subscription subscription = new Subscription(PgSubscriber.subscriber(vertx, database));
        current = subscription;
        subscription.open(failedAttempts);
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
            subscriber
                    .channel(channel)
                    .subscribeHandler(ignored -> subscribed())
                    .handler(owner::notification);
            subscriber.connect().onFailure(failure -> {
                if (end() && !stopped) {
                    long delay = backoff.delayMillis(failedAttempts);
                    LOG.warnf(
                            "%s: cannot listen on %s at %s (attempt %d, retrying in %d ms): %s%s",
                            name, channel, where(), failedAttempts + 1, delay, failure.toString(), whileDown);
                    vertx.setTimer(delay, timer -> subscribe(failedAttempts + 1));
                }
            });
        }

        private synchronized void subscribed() {
            if (ended.get()) {
                return;
            }
            owner.subscribed(subscriber::close);
            if (ended.get()) {
                return;
            }
            listening = true;
            pingTimer = ListenConnections.pingPeriodically(vertx, subscriber, pingMillis);
        }

        private void lost() {
            if (end() && !stopped) {
                LOG.warnf("%s: lost the connection to %s; reconnecting", name, where());
                vertx.setTimer(backoff.delayMillis(0), timer -> subscribe(0));
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
