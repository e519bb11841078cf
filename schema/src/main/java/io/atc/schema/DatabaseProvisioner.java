package io.atc.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates (and drops) a platform database with its roles, for a server the caller
 * administers: the embedded default of the run command and every test run's fresh database.
 * The owner runs migrations; the app role owns nothing and cannot bypass row level security.
 */
public final class DatabaseProvisioner {

    private DatabaseProvisioner() {}

    public static void create(Connection admin, String database, DatabaseTarget target) throws SQLException {
        execute(
                admin,
                "select format('create role %I login nosuperuser nobypassrls password %L', ?, ?)",
                target.ownerUser(),
                target.ownerPassword());
        execute(
                admin,
                "select format('create role %I login nosuperuser nobypassrls noinherit password %L', ?, ?)",
                target.appUser(),
                target.appPassword());
        execute(
                admin,
                "select format('create role %I login nosuperuser nobypassrls noinherit password %L', ?, ?)",
                target.retentionUser(),
                target.retentionPassword());
        execute(admin, "select format('create database %I owner %I', ?, ?)", database, target.ownerUser());
        execute(admin, "select format('revoke all on database %I from public', ?)", database);
        execute(admin, "select format('grant connect on database %I to %I', ?, ?)", database, target.appUser());
        execute(admin, "select format('grant connect on database %I to %I', ?, ?)", database, target.retentionUser());
    }

    public static void drop(Connection admin, String database, DatabaseTarget target) throws SQLException {
        execute(admin, "select format('drop database if exists %I with (force)', ?)", database);
        execute(admin, "select format('drop role if exists %I', ?)", target.appUser());
        execute(admin, "select format('drop role if exists %I', ?)", target.retentionUser());
        execute(admin, "select format('drop role if exists %I', ?)", target.ownerUser());
    }

    /** DDL cannot take bind parameters, so identifiers and literals are quoted by Postgres' own format(). */
    private static void execute(Connection connection, String formatQuery, String... args) throws SQLException {
        String statementText;
        try (PreparedStatement format = connection.prepareStatement(formatQuery)) {
            for (int i = 0; i < args.length; i++) {
                format.setString(i + 1, args[i]);
            }
            try (ResultSet rows = format.executeQuery()) {
                rows.next();
                statementText = rows.getString(1);
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(statementText);
        }
    }
}
