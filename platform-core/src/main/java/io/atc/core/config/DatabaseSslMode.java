package io.atc.core.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import io.vertx.pgclient.SslMode;

/**
 * {@code ATC_DB_SSL_MODE}: libpq's {@code sslmode}, with libpq's names and meaning, so an operator's
 * Postgres documentation applies. Only the two verify modes check the server's certificate (against
 * {@code ATC_DB_SSL_ROOT_CERT}); allow, prefer and require encrypt without knowing who answers.
 */
public enum DatabaseSslMode {
    DISABLE(SslMode.DISABLE),
    ALLOW(SslMode.ALLOW),
    PREFER(SslMode.PREFER),
    REQUIRE(SslMode.REQUIRE),
    VERIFY_CA(SslMode.VERIFY_CA),
    VERIFY_FULL(SslMode.VERIFY_FULL);

    private final SslMode vertx;

    DatabaseSslMode(SslMode vertx) {
        this.vertx = vertx;
    }

    /** The name libpq, pgjdbc and the docs use: {@code verify-full}. */
    public String setting() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean verifiesCertificate() {
        return this == VERIFY_CA || this == VERIFY_FULL;
    }

    SslMode vertx() {
        return vertx;
    }

    /** For the tools that read the environment themselves (audit-verify); services get it from their config mapping. */
    public static DatabaseSslMode parse(String setting) {
        String wanted = setting.strip();
        return Arrays.stream(values())
                .filter(mode -> mode.setting().equalsIgnoreCase(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(DatabaseTls.MODE_VARIABLE + " must be one of "
                        + Arrays.stream(values()).map(DatabaseSslMode::setting).collect(Collectors.joining(", "))
                        + ", got: " + setting));
    }
}
