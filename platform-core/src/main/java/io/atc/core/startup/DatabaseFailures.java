package io.atc.core.startup;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;

import javax.net.ssl.SSLException;

import io.atc.core.config.DatabaseSslMode;
import io.atc.core.config.DatabaseTls;
import io.vertx.pgclient.PgException;

/** Turns a failed first contact with the database into words an operator can act on. */
final class DatabaseFailures {

    private DatabaseFailures() {}

    static String describe(Throwable failure, Duration timeout, DatabaseTls tls) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // Vert.x reports a refused certificate as a VertxException "SSL handshake failed", without the cause.
            if (cause instanceof SSLException
                    || String.valueOf(cause.getMessage()).contains("SSL handshake failed")) {
                return "the TLS handshake failed (" + DatabaseTls.MODE_VARIABLE + "="
                        + tls.mode().setting()
                        + ": the server's certificate must be issued by a CA in " + DatabaseTls.ROOT_CERT_VARIABLE
                        + (tls.mode() == DatabaseSslMode.VERIFY_FULL ? " and name the host of ATC_DB_URL" : "")
                        + "): " + cause.getMessage();
            }
            if (String.valueOf(cause.getMessage()).contains("does not handle SSL")) {
                return "the server does not offer TLS, which " + DatabaseTls.MODE_VARIABLE + "="
                        + tls.mode().setting() + " requires";
            }
            if (cause instanceof PgException pg) {
                return switch (String.valueOf(pg.getSqlState())) {
                    case "28P01", "28000" -> "authentication failed (check ATC_DB_APP_USER / ATC_DB_APP_PASSWORD)";
                    case "3D000" -> "the database does not exist (check ATC_DB_URL)";
                    case "3F000", "42883" -> "the database is not migrated to this version (run the migrations first)";
                    case "42501" -> "the role lacks the service grants (" + pg.getErrorMessage() + ")";
                    default -> "the server refused the connection (SQLSTATE " + pg.getSqlState() + ")";
                };
            }
            if (cause instanceof ConnectException || cause instanceof io.netty.channel.ConnectTimeoutException) {
                return "no server answers there (check ATC_DB_URL and that Postgres is running)";
            }
            if (cause instanceof UnknownHostException) {
                return "unknown host (check ATC_DB_URL)";
            }
            if (cause instanceof io.smallrye.mutiny.TimeoutException) {
                return "no answer within " + timeout.toSeconds() + " s (check ATC_DB_URL and the network)";
            }
        }
        return failure.getClass().getSimpleName();
    }
}
