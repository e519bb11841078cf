package io.atc.core.listen;

import io.atc.core.config.DatabaseConfig;
import io.atc.core.config.DatabaseTls;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.pubsub.PgSubscriber;

/**
 * What every service's LISTEN connection needs, whatever it listens for (the gateway's key
 * changes, the edge bridge's device changes): its own connection to the service's database, and a
 * ping that notices a connection that died silently.
 */
public final class ListenConnections {

    private ListenConnections() {}

    /**
     * The first server of the service's database URL, as the service's own login role (a LISTEN needs
     * one connection of its own, outside the pool), named {@code applicationName} in pg_stat_activity so
     * operators (and tests) can find it; secured as the pool is ({@link DatabaseTls}).
     */
    public static PgConnectOptions connectOptions(DatabaseConfig database, String applicationName) {
        String first = database.url().split(",")[0].strip();
        String uri = first.startsWith("vertx-reactive:") ? first.substring("vertx-reactive:".length()) : first;
        return DatabaseTls.of(database)
                .applyTo(PgConnectOptions.fromUri(uri)
                        .setUser(database.appUser())
                        .setPassword(database.appPassword().orElse(""))
                        .addProperty("application_name", applicationName));
    }

    /**
     * A half-open TCP connection delivers nothing and reports nothing: every {@code intervalMillis},
     * ask, and close the connection when the answer fails or does not come within the interval, so
     * that the subscriber's close handler reconnects. Returns the periodic timer, for the caller to
     * cancel when the subscription ends.
     */
    public static long pingPeriodically(Vertx vertx, PgSubscriber subscriber, long intervalMillis) {
        return vertx.setPeriodic(intervalMillis, timer -> ping(vertx, subscriber, intervalMillis));
    }

    private static void ping(Vertx vertx, PgSubscriber subscriber, long timeoutMillis) {
        PgConnection connection = subscriber.actualConnection();
        if (connection == null) {
            return;
        }
        long deadline = vertx.setTimer(timeoutMillis, timer -> connection.close());
        connection.query("select 1").execute().onComplete(result -> {
            vertx.cancelTimer(deadline);
            if (result.failed()) {
                connection.close();
            }
        });
    }
}
