package io.atc.testkit.orgs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.atc.testkit.postgres.TestDatabase;

/**
 * Tenant A and tenant B, each with two sites, created once per test database through the same
 * path services use: the service role inside a transaction bound to the tenant, the tenant row
 * together with the genesis of its audit chain. The sites are seed data, inserted without audit
 * events of their own.
 */
public final class SyntheticOrganisations {

    private static volatile SyntheticOrganisations shared;

    private final SyntheticOrganisation a;
    private final SyntheticOrganisation b;

    private SyntheticOrganisations(SyntheticOrganisation a, SyntheticOrganisation b) {
        this.a = a;
        this.b = b;
    }

    public static SyntheticOrganisations in(TestDatabase database) {
        SyntheticOrganisations current = shared;
        if (current == null) {
            synchronized (SyntheticOrganisations.class) {
                current = shared;
                if (current == null) {
                    current = new SyntheticOrganisations(
                            create(database, "Synthetic Org A"), create(database, "Synthetic Org B"));
                    shared = current;
                }
            }
        }
        return current;
    }

    public SyntheticOrganisation a() {
        return a;
    }

    public SyntheticOrganisation b() {
        return b;
    }

    /** Creates one more organisation (not shared) in the given database. */
    public static SyntheticOrganisation create(TestDatabase database, String name) {
        UUID tenantId = UUID.randomUUID();
        try (Connection app = database.connectAsApp()) {
            app.setAutoCommit(false);
            bindTenant(app, tenantId);
            try (PreparedStatement tenant =
                    app.prepareStatement("insert into tenancy.tenants (tenant_id, name) values (?, ?)")) {
                tenant.setObject(1, tenantId);
                tenant.setString(2, name);
                tenant.executeUpdate();
            }
            try (PreparedStatement genesis = app.prepareStatement("select seq from audit.start_chain()")) {
                genesis.execute();
            }
            List<UUID> sites = new ArrayList<>();
            for (String site : List.of("Depot", "Harbour")) {
                try (PreparedStatement insert = app.prepareStatement(
                        "insert into tenancy.sites (tenant_id, name) values (?, ?) returning site_id")) {
                    insert.setObject(1, tenantId);
                    insert.setString(2, name + " " + site);
                    try (ResultSet rows = insert.executeQuery()) {
                        rows.next();
                        sites.add(rows.getObject(1, UUID.class));
                    }
                }
            }
            app.commit();
            return new SyntheticOrganisation(tenantId, name, List.copyOf(sites));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create synthetic organisation " + name + ": " + e.getMessage(), e);
        }
    }

    /** The same binding TenantTransactions performs, for JDBC-side test set-up. */
    public static void bindTenant(Connection connection, UUID tenantId) throws SQLException {
        try (PreparedStatement bind = connection.prepareStatement("select set_config('atc.tenant_id', ?, true)")) {
            bind.setString(1, tenantId.toString());
            bind.execute();
        }
    }

    /**
     * A single-number query (a count) read as the service role in the tenant's transaction, so RLS
     * applies; {@code parameters} bind to its {@code ?} in order.
     */
    public static long countAsTenant(UUID tenantId, String countQuery, Object... parameters) {
        try (Connection app = TestDatabase.shared().connectAsApp()) {
            app.setAutoCommit(false);
            bindTenant(app, tenantId);
            try (PreparedStatement query = app.prepareStatement(countQuery)) {
                for (int i = 0; i < parameters.length; i++) {
                    query.setObject(i + 1, parameters[i]);
                }
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            } finally {
                app.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + countQuery + ": " + e.getMessage(), e);
        }
    }
}
