package io.atc.core.tenancy;

import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.atc.core.audit.AuditEntry;
import io.atc.core.audit.AuditLog;
import io.atc.core.audit.AuditReceipt;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The one way to touch tenant data. Each unit of work runs in its own transaction whose
 * transaction-local setting atc.tenant_id names the tenant ({@link TenantBinding}), so row level
 * security (enabled, forced, WITH CHECK) confines every statement to that tenant. The setting is transaction-local,
 * so a pooled connection never carries it into the next transaction. The transaction commits
 * when the work's Uni succeeds and rolls back when it fails.
 * <ul>
 * <li>{@link #read} runs read-only: Postgres itself rejects any write in it.</li>
 * <li>{@link #mutate} appends the work's audit entry to the tenant's chain in the same
 * transaction; the work cannot finish without naming one.</li>
 * </ul>
 */
@ApplicationScoped
public class TenantTransactions {

    private static final AuditLog BIND_AND_APPEND = AuditLog.after(TenantBinding.SET_TENANT);

    private final Pool pool;

    public TenantTransactions(Pool pool) {
        this.pool = pool;
    }

    public <T> Uni<T> read(UUID tenantId, Function<TenantSql, Uni<T>> work) {
        return inTransaction(TenantBinding.BIND_READ_ONLY, tenantId, work);
    }

    public <T> Uni<T> mutate(UUID tenantId, Function<TenantSql, Uni<Audited<T>>> work) {
        Objects.requireNonNull(work, "work");
        return inTransaction(TenantBinding.BIND, tenantId, sql -> audited(sql, work));
    }

    /**
     * As {@link #mutate(UUID, Function)}, then hands the appended event's receipt to {@code afterAppend}
     * in the same transaction: for a change that records where its audit event landed (a run's audit_seq).
     */
    public <T, R> Uni<R> mutate(
            UUID tenantId, Function<TenantSql, Uni<Audited<T>>> work, AfterAppend<T, R> afterAppend) {
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(afterAppend, "afterAppend");
        return inTransaction(TenantBinding.BIND, tenantId, sql -> work.apply(sql)
                .flatMap(audited -> AuditLog.append(sql::execute, audited.entry())
                        .flatMap(receipt -> afterAppend.apply(sql, audited.result(), receipt))));
    }

    /** What runs after the append of {@link #mutate(UUID, Function, AfterAppend)}, in its transaction. */
    @FunctionalInterface
    public interface AfterAppend<T, R> {
        Uni<R> apply(TenantSql sql, T result, AuditReceipt receipt);
    }

    /**
     * One step of a long operation that is audited once, when it ends (the purge's and erasure's
     * deleting batches): the step writes without an audit entry of its own, so it must update, in
     * the same transaction, the operation's record (retention.runs) that the final audit event commits
     * to, exactly. Nothing else may use it: every other write is a {@link #mutate}.
     */
    public <T> Uni<T> stepOfAuditedOperation(UUID tenantId, Function<TenantSql, Uni<T>> work) {
        return inTransaction(TenantBinding.BIND, tenantId, work);
    }

    /**
     * Platform bookkeeping about a tenant's objects, not a change anyone made to them: when and from
     * where an API key was last used (keys-service, reported by the gateways). It is bound to the
     * tenant like every write, so row level security confines it, but it appends no audit event: one
     * per use would flood the tenant's chain with traffic, and the setting it writes is no tenant
     * decision. Nothing a caller asks for may use it: every such write is a {@link #mutate}.
     */
    public <T> Uni<T> bookkeeping(UUID tenantId, Function<TenantSql, Uni<T>> work) {
        return inTransaction(TenantBinding.BIND, tenantId, work);
    }

    /**
     * A mutation whose audit entry is known before it runs (a rename, a delete): the tenant binding
     * and the append are one statement, sent together with the work's first statement, instead of
     * one round trip later.
     * If the work fails (say, the row is not there), the transaction rolls back, append included.
     * The append locks the tenant's chain head until the commit, so this form suits works of one
     * statement; a longer work would hold that lock, and block the tenant's other mutations, longer.
     */
    public <T> Uni<T> mutate(UUID tenantId, AuditEntry entry, Function<TenantSql, Uni<T>> work) {
        Objects.requireNonNull(entry, "entry");
        return inTransaction(
                sql -> BIND_AND_APPEND.append(sql::execute, sql.tenantId().toString(), entry), tenantId, work);
    }

    /**
     * Creates a tenant: its row and the genesis of its audit chain, in one transaction. The only
     * write that needs no audit entry of its own: the genesis event is that entry.
     */
    public Uni<Void> createTenant(UUID tenantId, String name) {
        return inTransaction(TenantBinding.BIND, tenantId, sql -> insertTenant(sql, tenantId, name));
    }

    /** Creates a tenant and runs its first (audited) mutation in the same transaction: all or nothing. */
    public <T> Uni<T> createTenant(UUID tenantId, String name, Function<TenantSql, Uni<Audited<T>>> firstMutation) {
        Objects.requireNonNull(firstMutation, "firstMutation");
        return inTransaction(TenantBinding.BIND, tenantId, sql -> insertTenant(sql, tenantId, name)
                .flatMap(created -> audited(sql, firstMutation)));
    }

    private static Uni<Void> insertTenant(TenantSql sql, UUID tenantId, String name) {
        return sql.execute("insert into tenancy.tenants (tenant_id, name) values ($1, $2)", Tuple.of(tenantId, name))
                .flatMap(inserted -> sql.execute("select seq from audit.start_chain()"))
                .replaceWithVoid();
    }

    private static <T> Uni<T> audited(TenantSql sql, Function<TenantSql, Uni<Audited<T>>> work) {
        return work.apply(sql).flatMap(audited -> AuditLog.append(sql::execute, audited.entry())
                .map(receipt -> audited.result()));
    }

    private <T> Uni<T> inTransaction(String bind, UUID tenantId, Function<TenantSql, Uni<T>> work) {
        return inTransaction(sql -> sql.execute(bind, Tuple.of(sql.tenantId().toString())), tenantId, work);
    }

    /**
     * {@code binding} is the transaction's first statement and binds it to the tenant; the work's
     * first statement is sent right behind it: a connection runs its statements in order, so the
     * work still runs bound, one round trip sooner.
     */
    private <T> Uni<T> inTransaction(
            Function<TenantSql, Uni<?>> binding, UUID tenantId, Function<TenantSql, Uni<T>> work) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(work, "work");
        return pool.withTransaction(connection -> {
            TenantSql sql = new TenantSql(connection, tenantId);
            return Uni.combine()
                    .all()
                    .unis(binding.apply(sql), work.apply(sql))
                    .asTuple()
                    .map(done -> done.getItem2());
        });
    }
}
