package io.atc.edge.devices;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.atc.core.tenancy.TenantSql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * SQL for edge.devices; runs only inside a tenant transaction, so RLS scopes every statement, and
 * each statement names the tenant too (docs/architecture.md, the request path).
 */
@ApplicationScoped
public class DeviceRepository {

    /** Inserts nothing when the site is not the tenant's. */
    private static final String INSERT = """
            insert into edge.devices (tenant_id, site_id, name)
            select $1, s.site_id, $3 from tenancy.sites s where s.site_id = $2 and s.tenant_id = $1
            returning %s
            """.formatted(Device.COLUMNS);

    private static final String SITE_EXISTS =
            "select exists (select 1 from tenancy.sites where site_id = $1 and tenant_id = $2)";
    private static final String PAGE = """
            select %s from edge.devices
             where site_id = $1 and tenant_id = $4 and ($2::uuid is null or device_id > $2)
             order by device_id
             limit $3
            """.formatted(Device.COLUMNS);
    private static final String ONE =
            "select %s from edge.devices where site_id = $1 and device_id = $2 and tenant_id = $3"
                    .formatted(Device.COLUMNS);
    private static final String UPDATE = """
            update edge.devices
               set name = coalesce($3, name), enabled = coalesce($4, enabled), updated_at = now()
             where site_id = $1 and device_id = $2 and tenant_id = $5
            returning %s
            """.formatted(Device.COLUMNS);
    private static final String DELETE =
            "delete from edge.devices where site_id = $1 and device_id = $2 and tenant_id = $3 returning %s"
                    .formatted(Device.COLUMNS);

    Uni<Optional<Device>> insert(TenantSql sql, UUID siteId, String name) {
        return sql.execute(INSERT, Tuple.of(sql.tenantId(), siteId, name)).map(DeviceRepository::first);
    }

    Uni<Boolean> siteExists(TenantSql sql, UUID siteId) {
        return sql.execute(SITE_EXISTS, Tuple.of(siteId, sql.tenantId()))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    Uni<List<Device>> page(TenantSql sql, UUID siteId, UUID after, int limit) {
        return sql.execute(PAGE, Tuple.of(siteId, after, limit, sql.tenantId()))
                .map(rows -> rows.stream().map(Device::from).toList());
    }

    Uni<Optional<Device>> find(TenantSql sql, UUID siteId, UUID deviceId) {
        return sql.execute(ONE, Tuple.of(siteId, deviceId, sql.tenantId())).map(DeviceRepository::first);
    }

    /** The device, locked until the transaction ends, so a concurrent delete waits for this change. */
    Uni<Optional<Device>> findForUpdate(TenantSql sql, UUID siteId, UUID deviceId) {
        return sql.execute(ONE + " for update", Tuple.of(siteId, deviceId, sql.tenantId()))
                .map(DeviceRepository::first);
    }

    /** {@code name} and {@code enabled} keep their value when null. */
    Uni<Optional<Device>> update(TenantSql sql, UUID siteId, UUID deviceId, String name, Boolean enabled) {
        return sql.execute(UPDATE, Tuple.of(siteId, deviceId, name, enabled, sql.tenantId()))
                .map(DeviceRepository::first);
    }

    Uni<Optional<Device>> delete(TenantSql sql, UUID siteId, UUID deviceId) {
        return sql.execute(DELETE, Tuple.of(siteId, deviceId, sql.tenantId())).map(DeviceRepository::first);
    }

    private static Optional<Device> first(RowSet<Row> rows) {
        return rows.iterator().hasNext()
                ? Optional.of(Device.from(rows.iterator().next()))
                : Optional.empty();
    }
}
