package io.atc.edge.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;

/**
 * Test-side reads of what the ingest stored, through JDBC as the service role inside a transaction
 * bound to the tenant, so RLS applies exactly as it does to the bridge. Counts go through
 * {@link SyntheticOrganisations#countAsTenant}.
 */
final class EdgeRows {

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private EdgeRows() {}

    static <T> T inTenant(UUID tenant, Work<T> work) {
        try (Connection app = TestDatabase.shared().connectAsApp()) {
            app.setAutoCommit(false);
            SyntheticOrganisations.bindTenant(app, tenant);
            T result = work.run(app);
            app.commit();
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** How many events of the device the tenant holds. */
    static long events(UUID tenant, UUID device) {
        return SyntheticOrganisations.countAsTenant(
                tenant, "select count(*) from edge.events where device_id = ?", device);
    }

    static List<Object[]> rows(UUID tenant, String sql, Object... parameters) {
        return inTenant(tenant, app -> {
            try (PreparedStatement query = app.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    query.setObject(i + 1, parameters[i]);
                }
                try (ResultSet rows = query.executeQuery()) {
                    List<Object[]> result = new ArrayList<>();
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        Object[] row = new Object[columns];
                        for (int c = 0; c < columns; c++) {
                            row[c] = "timestamptz".equals(rows.getMetaData().getColumnTypeName(c + 1))
                                    ? rows.getObject(c + 1, OffsetDateTime.class)
                                    : rows.getObject(c + 1);
                        }
                        result.add(row);
                    }
                    return result;
                }
            }
        });
    }
}
