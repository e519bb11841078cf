package io.atc.core.tenancy;

import io.atc.testkit.postgres.TestDatabase;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.PoolOptions;

/** A reactive pool connected as the service role, the way a service connects. */
public final class AppRolePools {

    private static final Vertx VERTX = Vertx.vertx();

    private AppRolePools() {}

    public static Pool open(TestDatabase database, int size) {
        return Pool.newInstance(PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(size))
                .connectingTo(database.appConnectOptions())
                .using(VERTX.getDelegate())
                .build());
    }
}
