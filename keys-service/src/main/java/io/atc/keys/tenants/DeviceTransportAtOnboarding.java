package io.atc.keys.tenants;

import java.util.Map;

import io.atc.core.audit.AuditEntry;
import io.atc.core.audit.AuditLog;
import io.atc.core.tenancy.TenantSql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The device transport policy agreed at onboarding, written in the new tenant's transaction with
 * its audit event. The policy belongs to edge-bridge, which enforces it at the broker and lets the
 * tenant's admin change it (PUT /v1/devices/transport-policy); onboarding only records the
 * agreement, before the tenant has any device. The table's check constraint holds the same names.
 */
final class DeviceTransportAtOnboarding {

    static final String POLICIES = "password-or-certificate|certificate-only";
    static final String DEFAULT = "password-or-certificate";

    private static final String INSERT =
            "insert into edge.device_transport_policies (tenant_id, policy) values ($1, $2)";

    private DeviceTransportAtOnboarding() {}

    static Uni<Void> record(TenantSql sql, String actor, String policy) {
        return sql.execute(INSERT, Tuple.of(sql.tenantId(), policy))
                .flatMap(inserted -> AuditLog.append(
                        sql::execute,
                        new AuditEntry(
                                actor,
                                "device.transport-policy.changed",
                                "device-transport-policy",
                                Map.of("from", DEFAULT, "to", policy))))
                .replaceWithVoid();
    }
}
