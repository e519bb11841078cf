package io.atc.edge.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.UUID;

import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;

/**
 * retention.site_settings and retention.tenant_defaults written as the retention-service writes them:
 * as its own role, in the tenant's transaction. The edge-bridge may only read them; each commit fires
 * the trigger whose notification the bridge publishes.
 */
public final class RetentionRows {

    private RetentionRows() {}

    /** A null day count inherits. */
    public static void setSite(UUID tenantId, UUID siteId, Integer eventsDays, Integer imagesDays) {
        write(tenantId, """
                insert into retention.site_settings (tenant_id, site_id, events_days, images_days, updated_by)
                values (?, ?, ?, ?, 'test')
                on conflict (tenant_id, site_id)
                do update set events_days = excluded.events_days, images_days = excluded.images_days,
                              updated_at = now()
                """, tenantId, siteId, eventsDays, imagesDays);
    }

    public static void deleteSite(UUID tenantId, UUID siteId) {
        write(tenantId, "delete from retention.site_settings where tenant_id = ? and site_id = ?", tenantId, siteId);
    }

    /** A null day count inherits the platform default. */
    public static void setTenantDefault(UUID tenantId, Integer eventsDays, Integer imagesDays) {
        write(tenantId, """
                insert into retention.tenant_defaults (tenant_id, events_days, images_days, updated_by)
                values (?, ?, ?, 'test')
                on conflict (tenant_id)
                do update set events_days = excluded.events_days, images_days = excluded.images_days,
                              updated_at = now()
                """, tenantId, eventsDays, imagesDays);
    }

    private static void write(UUID tenantId, String sql, Object... parameters) {
        try (Connection retention = TestDatabase.shared().connectAsRetention()) {
            retention.setAutoCommit(false);
            SyntheticOrganisations.bindTenant(retention, tenantId);
            try (PreparedStatement statement = retention.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    if (parameters[i] == null) {
                        statement.setNull(i + 1, Types.INTEGER);
                    } else {
                        statement.setObject(i + 1, parameters[i]);
                    }
                }
                statement.executeUpdate();
            }
            retention.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
