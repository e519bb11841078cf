package io.atc.edge.broker;

import io.atc.core.tenancy.TenantSql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Orders changes to device identities against the reconciler. Each device mutation changes the
 * broker before its transaction commits, so for a moment the broker is ahead of the database; a
 * reconciler reading in that moment would undo the change (delete a client just registered).
 * Mutations hold this transaction-scoped advisory lock shared (they do not wait for each other);
 * the reconciler holds it exclusively while it reads both sides and applies its changes
 * ({@link io.atc.core.tenancy.CrossTenantReads#underExclusiveLock}), so it sees no mutation half
 * done and no mutation interleaves with it.
 */
public final class IdentityChangeLock {

    /** "atc_edge" in ASCII: one key for the whole database, no collision with other lock users. */
    static final long KEY = 0x6174635f65646765L;

    private IdentityChangeLock() {}

    public static Uni<Void> holdShared(TenantSql sql) {
        return sql.execute("select pg_advisory_xact_lock_shared($1)", Tuple.of(KEY))
                .replaceWithVoid();
    }
}
