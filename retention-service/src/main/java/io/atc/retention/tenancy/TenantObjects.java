package io.atc.retention.tenancy;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.atc.core.errors.ProblemException;
import io.atc.core.tenancy.TenantSql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Whether a site or a device exists in the caller's tenant, read inside its tenant transaction: another
 * tenant's object is as absent as one that never existed (RLS hides it, and the query names the tenant).
 */
@ApplicationScoped
public class TenantObjects {

    private static final String SITE = "select 1 from tenancy.sites where tenant_id = $1 and site_id = $2";
    private static final String DEVICE = "select 1 from edge.devices where tenant_id = $1 and device_id = $2";

    /** Fails with 404 naming the site unless the tenant has it. */
    public Uni<Void> requireSite(TenantSql sql, UUID siteId) {
        return require(sql, SITE, siteId, "site");
    }

    /** Fails with 404 naming the device unless the tenant has it. */
    public Uni<Void> requireDevice(TenantSql sql, UUID deviceId) {
        return require(sql, DEVICE, deviceId, "device");
    }

    private static Uni<Void> require(TenantSql sql, String query, UUID id, String kind) {
        return sql.execute(query, Tuple.of(sql.tenantId(), id)).map(rows -> {
            if (rows.rowCount() == 0) {
                throw ProblemException.notFound(kind + " " + id);
            }
            return null;
        });
    }
}
