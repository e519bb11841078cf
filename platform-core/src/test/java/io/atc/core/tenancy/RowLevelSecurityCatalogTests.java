package io.atc.core.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.atc.schema.RowLevelSecurityCatalog;
import io.atc.testkit.postgres.TestDatabase;

/**
 * Fails the build when any table in an application schema lacks tenant_id, RLS enabled, RLS
 * forced or the tenant policy with USING and WITH CHECK, and when the service role could
 * escape RLS (owner, superuser, BYPASSRLS). The same check runs after every migration.
 * Breaks when: a migration adds a table without the tenant shape (IsolationNegativeControlTests
 * shows the check reporting a weakened table).
 */
class RowLevelSecurityCatalogTests {

    @Test
    void everyApplicationTableHasForcedRowLevelSecurityWithATenantPolicy() throws Exception {
        TestDatabase database = TestDatabase.shared();
        try (Connection owner = database.connectAsOwner()) {
            assertThat(RowLevelSecurityCatalog.violations(owner, database.target()))
                    .isEmpty();
            assertThat(applicationTables(owner)).contains("tenancy.tenants", "tenancy.sites");
        }
    }

    @Test
    void theServiceRoleIsNotOwnerNotSuperuserAndCannotBypassRowLevelSecurity() throws Exception {
        TestDatabase database = TestDatabase.shared();
        try (Connection app = database.connectAsApp();
                PreparedStatement query = app.prepareStatement("""
                        select r.rolsuper, r.rolbypassrls,
                               (select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                                 where c.relowner = r.oid) as owned_relations,
                               (select count(*) from pg_namespace where nspowner = r.oid) as owned_schemas
                          from pg_roles r where r.rolname = current_user
                        """);
                ResultSet rows = query.executeQuery()) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getBoolean("rolsuper")).as("superuser").isFalse();
            assertThat(rows.getBoolean("rolbypassrls")).as("bypassrls").isFalse();
            assertThat(rows.getLong("owned_relations")).as("owned tables").isZero();
            assertThat(rows.getLong("owned_schemas")).as("owned schemas").isZero();
        }
    }

    private static List<String> applicationTables(Connection connection) throws Exception {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                select schemaname || '.' || tablename from pg_tables
                 where schemaname not in ('pg_catalog', 'information_schema', 'atc_migrations')
                """);
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }
}
