package io.atc.retention.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.atc.core.retention.EffectiveRetention;
import io.atc.core.retention.RetentionDefaultsConfig;
import io.atc.core.tenancy.TenantSql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Reads a site's {@link RetentionPlan} inside the caller's tenant transaction: its own settings, its
 * tenant's default, the platform default, and the holds active at the plan's instant (not released, end
 * not reached). One statement.
 */
@ApplicationScoped
public class RetentionPlans {

    private static final String PLAN = """
            select ss.events_days as site_events, ss.images_days as site_images,
                   td.events_days as tenant_events, td.images_days as tenant_images,
                   coalesce((select array_agg(h.hold_id order by h.hold_id) from retention.holds h
                              where h.tenant_id = $1 and h.site_id = $2 and h.released_at is null
                                and (h.ends_at is null or h.ends_at > $3)), '{}') as site_holds,
                   coalesce((select array_agg(distinct h.device_id) from retention.holds h
                              where h.tenant_id = $1 and h.device_id is not null and h.released_at is null
                                and (h.ends_at is null or h.ends_at > $3)), '{}') as held_devices
              from (select 1) one
              left join retention.site_settings ss on ss.tenant_id = $1 and ss.site_id = $2
              left join retention.tenant_defaults td on td.tenant_id = $1
            """;

    private final RetentionDefaultsConfig defaults;

    public RetentionPlans(RetentionDefaultsConfig defaults) {
        this.defaults = defaults;
    }

    public Uni<RetentionPlan> forSite(TenantSql sql, UUID siteId, Instant at) {
        return forSite(sql, siteId, at, null, null);
    }

    /**
     * The plan as it would be with the site's own values {@code events} and {@code images} in place of the
     * saved ones (a what-if; null keeps a saved value). Holds and inheritance are read as for the purge.
     */
    public Uni<RetentionPlan> forSite(
            TenantSql sql, UUID siteId, Instant at, ProposedDays events, ProposedDays images) {
        return sql.execute(PLAN, Tuple.of(sql.tenantId(), siteId, at.atOffset(java.time.ZoneOffset.UTC)))
                .map(rows -> plan(sql.tenantId(), siteId, at, rows.iterator().next(), events, images));
    }

    private RetentionPlan plan(
            UUID tenantId, UUID siteId, Instant at, Row row, ProposedDays events, ProposedDays images) {
        return new RetentionPlan(
                tenantId,
                siteId,
                at,
                EffectiveRetention.resolve(
                        ProposedDays.over(events, row.getInteger("site_events")),
                        row.getInteger("tenant_events"),
                        defaults.eventsDays()),
                EffectiveRetention.resolve(
                        ProposedDays.over(images, row.getInteger("site_images")),
                        row.getInteger("tenant_images"),
                        defaults.imagesDays()),
                uuids(row, "site_holds"),
                uuids(row, "held_devices"));
    }

    private static List<UUID> uuids(Row row, String column) {
        List<UUID> ids = new ArrayList<>();
        for (UUID id : row.getArrayOfUUIDs(column)) {
            ids.add(id);
        }
        return ids;
    }
}
