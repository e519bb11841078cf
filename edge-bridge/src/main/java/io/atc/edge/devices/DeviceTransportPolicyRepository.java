package io.atc.edge.devices;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.atc.core.tenancy.TenantSql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * SQL for edge.device_transport_policies, inside a tenant transaction (RLS scopes every statement,
 * and each names the tenant too). A tenant without a row has the default policy.
 *
 * <p>A per-tenant advisory lock orders a policy change against the device changes that depend on
 * the policy (registration, password reset): they hold it shared, the change exclusively. Without
 * it a registration that read "passwords allowed" could create a password client just after a
 * switch to certificate-only removed the others, and keep it until the next reconciliation. Each
 * read comes in a statement after the lock, so it sees what a change that held it committed.
 */
@ApplicationScoped
public class DeviceTransportPolicyRepository {

    /** "atct" in ASCII: the first key of the per-tenant policy lock; the second is the tenant's hash. */
    private static final int LOCK_CLASS = 0x61746374;

    private static final String LOCK_SHARED = "select pg_advisory_xact_lock_shared($1, hashtext($2::text))";
    private static final String LOCK_EXCLUSIVE = "select pg_advisory_xact_lock($1, hashtext($2::text))";
    private static final String CURRENT = "select policy from edge.device_transport_policies where tenant_id = $1";
    private static final String SET = """
            insert into edge.device_transport_policies (tenant_id, policy) values ($1, $2)
            on conflict (tenant_id) do update set policy = excluded.policy, updated_at = now()
            """;
    private static final String DEVICES = "select site_id, device_id, enabled from edge.devices where tenant_id = $1";

    /** The tenant's policy, held (shared) until the transaction ends. */
    Uni<DeviceTransportPolicy> currentHeld(TenantSql sql) {
        return sql.execute(LOCK_SHARED, Tuple.of(LOCK_CLASS, sql.tenantId().toString()))
                .flatMap(locked -> current(sql));
    }

    /** The tenant's policy, locked exclusively until the transaction ends, for a change. */
    Uni<DeviceTransportPolicy> currentForChange(TenantSql sql) {
        return sql.execute(LOCK_EXCLUSIVE, Tuple.of(LOCK_CLASS, sql.tenantId().toString()))
                .flatMap(locked -> current(sql));
    }

    /** Reads without the lock: for showing the policy, which decides nothing. */
    Uni<DeviceTransportPolicy> current(TenantSql sql) {
        return sql.execute(CURRENT, Tuple.of(sql.tenantId()))
                .map(rows -> rows.size() == 0
                        ? DeviceTransportPolicy.PASSWORD_OR_CERTIFICATE
                        : DeviceTransportPolicy.fromWireName(
                                rows.iterator().next().getString("policy")));
    }

    Uni<Void> set(TenantSql sql, DeviceTransportPolicy policy) {
        return sql.execute(SET, Tuple.of(sql.tenantId(), policy.wireName())).replaceWithVoid();
    }

    /** Every device of the tenant: its site, id and enabled flag. */
    Uni<List<TenantDevice>> devices(TenantSql sql) {
        return sql.execute(DEVICES, Tuple.of(sql.tenantId())).map(rows -> rows.stream()
                .map(row ->
                        new TenantDevice(row.getUUID("site_id"), row.getUUID("device_id"), row.getBoolean("enabled")))
                .toList());
    }

    record TenantDevice(UUID siteId, UUID deviceId, boolean enabled) {}
}
