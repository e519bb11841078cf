package io.atc.testkit.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A Postgres server the harness may administer (create databases and roles).
 *
 * @param origin where it came from: env, local-service, testcontainers or embedded
 */
public record PostgresServer(
        String host, int port, String adminUser, String adminPassword, String adminDatabase, String origin) {

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public Connection connectAsAdmin() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(adminDatabase), adminUser, adminPassword);
    }

    public String uri(String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }
}
