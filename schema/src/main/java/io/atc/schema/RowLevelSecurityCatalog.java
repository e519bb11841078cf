package io.atc.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the catalog and lists every way the database breaks the tenant-isolation contract:
 * a table without tenant_id, without RLS enabled or forced, without the tenant policy (USING and
 * WITH CHECK on atc.tenant_id), with any other permissive policy the service role falls under,
 * a composite index not led by tenant_id, a view that is not security_invoker; and a service role that
 * could reach beyond it (tenancy.service_role_problems, V13: the same rules every service applies to
 * itself at start-up).
 * An empty list means the contract holds. The migrator refuses to finish otherwise.
 */
public final class RowLevelSecurityCatalog {

    /** The migration history lives here; it holds no tenant data and the service role has no access to it. */
    public static final String MIGRATIONS_SCHEMA = "atc_migrations";

    /** How Postgres prints the one policy expression every tenant table must have. */
    static final String TENANT_PREDICATE =
            "(tenant_id = (NULLIF(current_setting('atc.tenant_id'::text, true), ''::text))::uuid)";

    private static final String APPLICATION_RELATIONS = """
            select n.nspname, c.relname, c.relkind, c.relrowsecurity, c.relforcerowsecurity,
                   coalesce(array_to_string(c.reloptions, ','), '') as options
              from pg_class c
              join pg_namespace n on n.oid = c.relnamespace
             where c.relkind in ('r', 'p', 'v', 'm')
               and n.nspname in (select tenancy.application_schemas())
               and n.nspname <> ?
             order by 1, 2
            """;

    private static final String TENANT_COLUMN = """
            select 1 from pg_attribute a
             where a.attrelid = (quote_ident(?) || '.' || quote_ident(?))::regclass
               and a.attname = 'tenant_id' and a.atttypid = 'uuid'::regtype and a.attnotnull and not a.attisdropped
            """;

    private static final String POLICIES = """
            select p.polname, p.polcmd, p.polpermissive,
                   pg_get_expr(p.polqual, p.polrelid) as using_expr,
                   pg_get_expr(p.polwithcheck, p.polrelid) as check_expr,
                   p.polroles = '{0}' as for_public,
                   (0 = any(p.polroles) or exists (select 1 from pg_roles r
                                                    where r.rolname = any(?::text[]) and r.oid = any(p.polroles))) as applies_to_app
              from pg_policy p
             where p.polrelid = (quote_ident(?) || '.' || quote_ident(?))::regclass
            """;

    private static final String INDEXES_NOT_LED_BY_TENANT = """
            select ic.relname
              from pg_index i
              join pg_class ic on ic.oid = i.indexrelid
             where i.indrelid = (quote_ident(?) || '.' || quote_ident(?))::regclass
               and i.indnkeyatts > 1
               and (i.indkey[0] = 0 or (select attname from pg_attribute
                                         where attrelid = i.indrelid and attnum = i.indkey[0]) <> 'tenant_id')
            """;

    private static final String APP_ROLE_PROBLEMS = "select tenancy.service_role_problems(?::name)";

    /** Ingested history: only the retention-service's role may delete it (design.md, least privilege). */
    private static final String HISTORY_DELETERS = """
            select t.table_name, r.rolname
              from (values ('edge.events'), ('edge.images')) as t (table_name)
              cross join pg_roles r
             where r.rolname = any(?::text[]) and has_table_privilege(r.oid, t.table_name, 'DELETE')
             order by 1, 2
            """;

    private RowLevelSecurityCatalog() {}

    /**
     * The contract for a platform database: every service role passes the role rules, every table the
     * tenant rules, and no service role but the retention role may delete ingested events and images.
     */
    public static List<String> violations(Connection connection, DatabaseTarget target) throws SQLException {
        List<String> violations = violations(connection, target.appUser(), target.retentionUser());
        try (PreparedStatement query = connection.prepareStatement(HISTORY_DELETERS)) {
            query.setArray(1, connection.createArrayOf("text", new String[] {target.appUser()}));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    violations.add("service role " + rows.getString(2) + " may delete from " + rows.getString(1)
                            + ", which only the retention role " + target.retentionUser() + " may");
                }
            }
        }
        return violations;
    }

    /** The tenant rules for every table and the role rules for each of {@code serviceRoles}. */
    public static List<String> violations(Connection connection, String... serviceRoles) throws SQLException {
        List<String> violations = new ArrayList<>();
        for (String role : serviceRoles) {
            violations.addAll(appRoleViolations(connection, role));
        }
        try (PreparedStatement query = connection.prepareStatement(APPLICATION_RELATIONS)) {
            query.setString(1, MIGRATIONS_SCHEMA);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String schema = rows.getString(1);
                    String name = rows.getString(2);
                    String kind = rows.getString(3);
                    String table = schema + "." + name;
                    if (kind.equals("v") || kind.equals("m")) {
                        if (!rows.getString(6).contains("security_invoker=true")) {
                            violations.add(table + ": view is not security_invoker");
                        }
                        continue;
                    }
                    if (!rows.getBoolean(4)) {
                        violations.add(table + ": row level security is not enabled");
                    }
                    if (!rows.getBoolean(5)) {
                        violations.add(table + ": row level security is not forced");
                    }
                    violations.addAll(tableViolations(connection, serviceRoles, schema, name));
                }
            }
        }
        return violations;
    }

    private static List<String> tableViolations(
            Connection connection, String[] serviceRoles, String schema, String name) throws SQLException {
        String table = schema + "." + name;
        List<String> violations = new ArrayList<>();
        if (!exists(connection, TENANT_COLUMN, schema, name)) {
            violations.add(table + ": has no tenant_id uuid not null column");
        }
        boolean tenantPolicy = false;
        try (PreparedStatement query = connection.prepareStatement(POLICIES)) {
            query.setArray(1, connection.createArrayOf("text", serviceRoles));
            query.setString(2, schema);
            query.setString(3, name);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    boolean isTenantPolicy = rows.getString(2).equals("*")
                            && rows.getBoolean(3)
                            && TENANT_PREDICATE.equals(rows.getString(4))
                            && TENANT_PREDICATE.equals(rows.getString(5))
                            && rows.getBoolean(6);
                    tenantPolicy |= isTenantPolicy;
                    if (!isTenantPolicy && rows.getBoolean(3) && rows.getBoolean(7)) {
                        violations.add(table + ": permissive policy " + rows.getString(1)
                                + " widens what the service role can see or write");
                    }
                }
            }
        }
        if (!tenantPolicy) {
            violations.add(table + ": lacks the tenant policy (USING and WITH CHECK on atc.tenant_id, all commands)");
        }
        try (PreparedStatement query = connection.prepareStatement(INDEXES_NOT_LED_BY_TENANT)) {
            query.setString(1, schema);
            query.setString(2, name);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    violations.add(table + ": composite index " + rows.getString(1) + " does not lead with tenant_id");
                }
            }
        }
        return violations;
    }

    private static List<String> appRoleViolations(Connection connection, String appRole) throws SQLException {
        List<String> violations = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(APP_ROLE_PROBLEMS)) {
            query.setString(1, appRole);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    violations.add("service role " + appRole + " " + rows.getString(1));
                }
            }
        }
        return violations;
    }

    private static boolean exists(Connection connection, String sql, String... args) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                query.setString(i + 1, args[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }
}
