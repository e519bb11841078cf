package io.atc.core.tenancy;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.atc.core.config.DatabaseConfig;
import io.atc.core.config.DatabaseTls;
import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.spi.PgDriver;
import io.vertx.sqlclient.Pool;

/**
 * Creates the service's reactive pool from the options Quarkus built out of
 * META-INF/microprofile-config.properties, secured by {@link DatabaseTls}: which TLS options apply
 * depends on the mode (trust-all for require, the CA and host name for verify-full), which plain
 * property expressions cannot say. The LISTEN connections apply the same {@link DatabaseTls}.
 */
@Singleton
public class ServicePoolCreator implements PgPoolCreator {

    private final DatabaseTls tls;

    // Two constructors: without @Inject ArC silently makes no bean of this class, and Quarkus builds the pool itself.
    @Inject
    public ServicePoolCreator(DatabaseConfig database) {
        this(DatabaseTls.of(database));
    }

    ServicePoolCreator(DatabaseTls tls) {
        this.tls = tls;
    }

    @Override
    public Pool create(Input input) {
        List<PgConnectOptions> servers = input.pgConnectOptionsList().stream()
                .map(options -> tls.applyTo(new PgConnectOptions(options)))
                .toList();
        // Quarkus's own path (without a creator) goes through the same driver; it expects a PgPool, which this is.
        return PgDriver.INSTANCE.createPool(input.vertx(), servers, input.poolOptions());
    }
}
