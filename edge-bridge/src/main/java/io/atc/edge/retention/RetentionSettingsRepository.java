package io.atc.edge.retention;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.atc.core.retention.RetentionDefaultsConfig;
import io.atc.core.tenancy.CrossTenantRead;
import io.atc.core.tenancy.CrossTenantReads;
import io.atc.core.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Reads sites' effective retention settings: every site through
 * {@link CrossTenantRead#RETENTION_SETTINGS_TO_PUBLISH} (on start and reconnection), one tenant's or
 * one site's in a read-only transaction of its tenant (on a change). The edge-bridge role may only
 * read the settings tables; the retention-service writes them.
 */
@ApplicationScoped
public class RetentionSettingsRepository {

    private static final String OF_TENANT = """
            select s.tenant_id, s.site_id,
                   ss.events_days as site_events_days, ss.images_days as site_images_days,
                   td.events_days as tenant_events_days, td.images_days as tenant_images_days
              from tenancy.sites s
              left join retention.site_settings ss on ss.tenant_id = s.tenant_id and ss.site_id = s.site_id
              left join retention.tenant_defaults td on td.tenant_id = s.tenant_id
             where s.tenant_id = $1 and ($2::uuid is null or s.site_id = $2)
             order by s.site_id
            """;

    private final CrossTenantReads reads;
    private final TenantTransactions transactions;
    private final RetentionDefaultsConfig platform;

    public RetentionSettingsRepository(
            CrossTenantReads reads, TenantTransactions transactions, RetentionDefaultsConfig platform) {
        this.reads = reads;
        this.transactions = transactions;
        this.platform = platform;
    }

    Uni<List<SiteRetentionSettings>> everySite() {
        return reads.read(CrossTenantRead.RETENTION_SETTINGS_TO_PUBLISH).map(this::settings);
    }

    /** Every site of the tenant: a tenant default changed. */
    Uni<List<SiteRetentionSettings>> ofTenant(UUID tenantId) {
        return transactions.read(tenantId, sql -> sql.execute(OF_TENANT, Tuple.of(tenantId, (UUID) null))
                .map(this::settings));
    }

    /** The site, or nothing if it does not exist (any more). */
    Uni<List<SiteRetentionSettings>> ofSite(UUID tenantId, UUID siteId) {
        return transactions.read(tenantId, sql -> sql.execute(OF_TENANT, Tuple.of(tenantId, siteId))
                .map(this::settings));
    }

    private List<SiteRetentionSettings> settings(RowSet<Row> rows) {
        return rows.stream()
                .map(row -> SiteRetentionSettings.from(row, platform))
                .toList();
    }
}
