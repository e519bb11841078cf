package io.atc.core.tenancy;

import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Work that one replica at a time may do (the purge of a site): a session-level advisory lock, taken
 * without waiting on a dedicated pooled connection that holds it for the work's whole duration (the
 * work's own transactions run on other connections), then released and the connection returned, however
 * the work ends. If the process dies, Postgres ends its sessions and their locks with them. Locks are
 * named by text, hashed to Postgres's 64-bit key space; the statements read no table.
 */
@ApplicationScoped
public class SessionLocks {

    private static final String TRY_LOCK = "select pg_try_advisory_lock(hashtextextended($1, 0)) as locked";
    private static final String UNLOCK = "select pg_advisory_unlock(hashtextextended($1, 0))";

    private final Pool pool;

    public SessionLocks(Pool pool) {
        this.pool = pool;
    }

    /** Runs {@code work} while holding the lock {@code name}; empty, without running it, if another session holds it. */
    public <T> Uni<Optional<T>> whileHolding(String name, Supplier<Uni<T>> work) {
        return pool.getConnection().flatMap(connection -> tryLock(connection, name)
                .flatMap(locked -> locked
                        ? work.get().map(Optional::ofNullable).onTermination().call(() -> unlock(connection, name))
                        : Uni.createFrom().item(Optional.<T>empty()))
                .onTermination()
                .call(connection::close));
    }

    private static Uni<Boolean> tryLock(SqlConnection connection, String name) {
        return connection.preparedQuery(TRY_LOCK).execute(Tuple.of(name)).map(rows -> rows.iterator()
                .next()
                .getBoolean("locked"));
    }

    /**
     * A connection that could not unlock is broken anyway; Postgres drops its locks when the pool
     * closes it, so the failure is not the work's.
     */
    private static Uni<Void> unlock(SqlConnection connection, String name) {
        return connection
                .preparedQuery(UNLOCK)
                .execute(Tuple.of(name))
                .replaceWithVoid()
                .onFailure()
                .recoverWithNull();
    }
}
