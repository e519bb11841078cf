package io.atc.core.tenancy;

import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The one way to touch tenant data. Each unit of work runs in its own transaction whose
 * transaction-local setting atc.tenant_id names the tenant, so row level security
 * (enabled, forced, WITH CHECK) confines every statement to that tenant. The setting is
 * transaction-local, so a pooled connection never carries it into the next transaction.
 * The transaction commits when the work's Uni succeeds and rolls back when it fails.
 */
@ApplicationScoped
public class TenantTransactions {

    static final String BIND_TENANT = "select set_config('atc.tenant_id', $1, true)";

    private final Pool pool;

    public TenantTransactions(Pool pool) {
        this.pool = pool;
    }

    public <T> Uni<T> inTenant(UUID tenantId, Function<TenantSql, Uni<T>> work) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(work, "work");
        return pool.withTransaction(connection -> connection.preparedQuery(BIND_TENANT)
                .execute(Tuple.of(tenantId.toString()))
                .flatMap(bound -> work.apply(new TenantSql(connection, tenantId))));
    }
}
