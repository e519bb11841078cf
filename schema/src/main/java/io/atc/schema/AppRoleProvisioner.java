package io.atc.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.jboss.logging.Logger;

/**
 * Makes sure the service login role exists before migrations grant it anything. When the owner
 * may create roles it creates a minimal one; otherwise the operator must have created it.
 */
final class AppRoleProvisioner {

    private static final Logger LOG = Logger.getLogger(AppRoleProvisioner.class);

    private AppRoleProvisioner() {}

    static void ensureExists(Connection owner, String appRole, String appPassword) throws SQLException {
        if (roleExists(owner, appRole)) {
            return;
        }
        if (!canCreateRoles(owner)) {
            throw new IllegalStateException("role " + appRole + " does not exist and the owner role may not create it: "
                    + "create it as LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE, then start again");
        }
        String ddl = formatted(
                owner,
                "select format('create role %I login nosuperuser nobypassrls nocreatedb nocreaterole noinherit password %L', ?, ?)",
                appRole,
                appPassword == null ? "" : appPassword);
        try (Statement statement = owner.createStatement()) {
            statement.execute(ddl);
        }
        LOG.infof("created service role %s", appRole);
    }

    private static boolean roleExists(Connection connection, String role) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select 1 from pg_roles where rolname = ?")) {
            query.setString(1, role);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static boolean canCreateRoles(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select rolcreaterole or rolsuper from pg_roles where rolname = current_user")) {
            return rows.next() && rows.getBoolean(1);
        }
    }

    private static String formatted(Connection connection, String formatQuery, String... args) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(formatQuery)) {
            for (int i = 0; i < args.length; i++) {
                query.setString(i + 1, args[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }
}
