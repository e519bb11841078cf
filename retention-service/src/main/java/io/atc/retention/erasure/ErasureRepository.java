package io.atc.retention.erasure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.atc.core.tenancy.TenantSql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/** SQL of an erasure's target and the holds that cover it; inside a tenant transaction, naming its tenant. */
@ApplicationScoped
public class ErasureRepository {

    /** The site a site erasure's run names: the site itself, if it exists or still has stored rows. */
    private static final String SITE = """
            select $2::uuid as site_id
             where exists (select 1 from tenancy.sites where tenant_id = $1 and site_id = $2)
                or exists (select 1 from edge.site_storage where tenant_id = $1 and site_id = $2)
            """;

    /** The site a device erasure's run names: the device's, or, for a deleted device, that of one of its rows. */
    private static final String DEVICE_SITE = """
            select coalesce(
                (select site_id from edge.devices where tenant_id = $1 and device_id = $2),
                (select site_id from edge.events where tenant_id = $1 and device_id = $2 limit 1),
                (select site_id from edge.images where tenant_id = $1 and device_id = $2 limit 1)) as site_id
            """;

    private static final String ACTIVE =
            "h.tenant_id = $1 and h.released_at is null and (h.ends_at is null or h.ends_at > now())";

    /** A hold on the site, or on a device registered at it or with rows in it. */
    private static final String HOLDS_ON_SITE = "select h.hold_id from retention.holds h where " + ACTIVE + """
             and (h.site_id = $2
                  or h.device_id in (select device_id from edge.devices where tenant_id = $1 and site_id = $2)
                  or exists (select 1 from edge.events e
                              where e.tenant_id = $1 and e.device_id = h.device_id and e.site_id = $2)
                  or exists (select 1 from edge.images i
                              where i.tenant_id = $1 and i.device_id = h.device_id and i.site_id = $2))
             order by h.hold_id
            """;

    /** A hold on the device, or on its site or a site where it has rows. */
    private static final String HOLDS_ON_DEVICE = "select h.hold_id from retention.holds h where " + ACTIVE + """
             and (h.device_id = $2
                  or h.site_id in (select site_id from edge.devices where tenant_id = $1 and device_id = $2)
                  or exists (select 1 from edge.events e
                              where e.tenant_id = $1 and e.device_id = $2 and e.site_id = h.site_id)
                  or exists (select 1 from edge.images i
                              where i.tenant_id = $1 and i.device_id = $2 and i.site_id = h.site_id))
             order by h.hold_id
            """;

    /** The site the run names; empty if the tenant has no such site or device (another tenant's is unknown here). */
    Uni<Optional<UUID>> runSite(TenantSql sql, ErasureTarget target) {
        return sql.execute(target.isSite() ? SITE : DEVICE_SITE, Tuple.of(sql.tenantId(), target.id()))
                .map(rows -> rows.rowCount() == 0
                        ? Optional.empty()
                        : Optional.ofNullable(rows.iterator().next().getUUID("site_id")));
    }

    Uni<List<UUID>> activeHolds(TenantSql sql, ErasureTarget target) {
        return sql.execute(target.isSite() ? HOLDS_ON_SITE : HOLDS_ON_DEVICE, Tuple.of(sql.tenantId(), target.id()))
                .map(rows -> {
                    List<UUID> holds = new ArrayList<>();
                    rows.forEach(row -> holds.add(row.getUUID("hold_id")));
                    return holds;
                });
    }
}
