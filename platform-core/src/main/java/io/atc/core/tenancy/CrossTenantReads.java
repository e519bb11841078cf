package io.atc.core.tenancy;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The one handle a service has for reading outside a tenant transaction: it runs only the
 * {@link CrossTenantRead}s, each a narrow path with its stated reason, on the service's pool (as
 * the service role, so every other table stays behind row level security).
 */
@ApplicationScoped
public class CrossTenantReads {

    private static final String HOLD_EXCLUSIVE = "select pg_advisory_xact_lock($1)";

    private final Pool pool;

    public CrossTenantReads(Pool pool) {
        this.pool = pool;
    }

    public Uni<RowSet<Row>> read(CrossTenantRead read) {
        return pool.preparedQuery(read.sql()).execute();
    }

    public Uni<RowSet<Row>> read(CrossTenantRead read, Tuple parameters) {
        return pool.preparedQuery(read.sql()).execute(parameters);
    }

    /**
     * Runs {@code work} in one transaction that first takes the transaction-scoped advisory lock
     * {@code lockKey} exclusively: tenant transactions that take it shared do not interleave with
     * the work, and the work's reads see none of them half done.
     */
    public <T> Uni<T> underExclusiveLock(long lockKey, Function<LockedReads, Uni<T>> work) {
        return pool.withTransaction(connection -> connection
                .preparedQuery(HOLD_EXCLUSIVE)
                .execute(Tuple.of(lockKey))
                .flatMap(locked -> work.apply(new LockedReads(connection))));
    }

    /** The reads of a transaction that holds an exclusive advisory lock. */
    public static final class LockedReads {

        private final SqlConnection connection;

        private LockedReads(SqlConnection connection) {
            this.connection = connection;
        }

        public Uni<RowSet<Row>> read(CrossTenantRead read) {
            return connection.preparedQuery(read.sql()).execute();
        }
    }
}
