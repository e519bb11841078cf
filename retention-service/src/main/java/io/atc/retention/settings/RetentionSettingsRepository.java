package io.atc.retention.settings;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.atc.core.tenancy.TenantSql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * SQL for retention.site_settings and retention.tenant_defaults; runs only inside a tenant transaction, and
 * each statement names the tenant too. Rows are {@link StoredLevels}: a level's own values and its parent's.
 */
@ApplicationScoped
public class RetentionSettingsRepository {

    private static final String SITE = """
            select ss.events_days as own_events, ss.images_days as own_images, ss.updated_at, ss.updated_by,
                   td.events_days as parent_events, td.images_days as parent_images
              from tenancy.sites s
              left join retention.site_settings ss on ss.tenant_id = s.tenant_id and ss.site_id = s.site_id
              left join retention.tenant_defaults td on td.tenant_id = s.tenant_id
             where s.tenant_id = $1 and s.site_id = $2
            """;
    private static final String TENANT = """
            select td.events_days as own_events, td.images_days as own_images, td.updated_at, td.updated_by,
                   null::integer as parent_events, null::integer as parent_images
              from (select 1) one
              left join retention.tenant_defaults td on td.tenant_id = $1
            """;
    // Locks the row a change replaces, so its audit event records the values it really replaced.
    private static final String LOCK_SITE = """
            select events_days, images_days from retention.site_settings
             where tenant_id = $1 and site_id = $2 for update
            """;
    private static final String LOCK_TENANT =
            "select events_days, images_days from retention.tenant_defaults where tenant_id = $1 for update";
    private static final String UPSERT_SITE = """
            insert into retention.site_settings (tenant_id, site_id, events_days, images_days, updated_at, updated_by)
            values ($1, $2, $3, $4, now(), $5)
            on conflict (tenant_id, site_id) do update
               set events_days = excluded.events_days, images_days = excluded.images_days,
                   updated_at = excluded.updated_at, updated_by = excluded.updated_by
            """;
    private static final String UPSERT_TENANT = """
            insert into retention.tenant_defaults (tenant_id, events_days, images_days, updated_at, updated_by)
            values ($1, $2, $3, now(), $4)
            on conflict (tenant_id) do update
               set events_days = excluded.events_days, images_days = excluded.images_days,
                   updated_at = excluded.updated_at, updated_by = excluded.updated_by
            """;

    /** Empty when the tenant has no such site. */
    Uni<Optional<StoredLevels>> site(TenantSql sql, UUID siteId) {
        return sql.execute(SITE, Tuple.of(sql.tenantId(), siteId)).map(RetentionSettingsRepository::first);
    }

    Uni<StoredLevels> tenant(TenantSql sql) {
        return sql.execute(TENANT, Tuple.of(sql.tenantId()))
                .map(rows -> first(rows).orElseThrow());
    }

    /** The site's own values before a change (both null when it never set any), locked until the commit. */
    Uni<OwnValues> lockSite(TenantSql sql, UUID siteId) {
        return sql.execute(LOCK_SITE, Tuple.of(sql.tenantId(), siteId)).map(RetentionSettingsRepository::own);
    }

    Uni<OwnValues> lockTenant(TenantSql sql) {
        return sql.execute(LOCK_TENANT, Tuple.of(sql.tenantId())).map(RetentionSettingsRepository::own);
    }

    Uni<Void> upsertSite(TenantSql sql, UUID siteId, OwnValues values, String actor) {
        return sql.execute(UPSERT_SITE, Tuple.from(new Object[] {
                    sql.tenantId(), siteId, values.eventsDays(), values.imagesDays(), actor
                }))
                .replaceWithVoid();
    }

    Uni<Void> upsertTenant(TenantSql sql, OwnValues values, String actor) {
        return sql.execute(
                        UPSERT_TENANT,
                        Tuple.from(new Object[] {sql.tenantId(), values.eventsDays(), values.imagesDays(), actor}))
                .replaceWithVoid();
    }

    private static Optional<StoredLevels> first(RowSet<Row> rows) {
        if (!rows.iterator().hasNext()) {
            return Optional.empty();
        }
        Row row = rows.iterator().next();
        return Optional.of(new StoredLevels(
                new OwnValues(row.getInteger("own_events"), row.getInteger("own_images")),
                row.getInteger("parent_events"),
                row.getInteger("parent_images"),
                row.getOffsetDateTime("updated_at"),
                row.getString("updated_by")));
    }

    private static OwnValues own(RowSet<Row> rows) {
        if (!rows.iterator().hasNext()) {
            return OwnValues.INHERITED;
        }
        Row row = rows.iterator().next();
        return new OwnValues(row.getInteger("events_days"), row.getInteger("images_days"));
    }
}
