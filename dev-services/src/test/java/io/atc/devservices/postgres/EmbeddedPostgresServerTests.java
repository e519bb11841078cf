package io.atc.devservices.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class EmbeddedPostgresServerTests {

    @Test
    void startsServesAndCleansUp() throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start();
        int port = server.port();
        Path baseDir = server.baseDir();
        try {
            assertThat(server.host()).isEqualTo("127.0.0.1");
            assertThat(server.superuser()).isEqualTo("postgres");
            assertThat(server.jdbcUrl("postgres")).isEqualTo("jdbc:postgresql://127.0.0.1:" + port + "/postgres");
            assertThat(server.uri("postgres")).isEqualTo("postgresql://127.0.0.1:" + port + "/postgres");

            try (Connection connection = connect(server, "postgres", server.superuser());
                    Statement statement = connection.createStatement()) {
                assertThat(queryString(statement, "select version()")).startsWith("PostgreSQL 15");
                assertThat(queryString(statement, "show max_connections")).isEqualTo("200");
                assertThat(queryString(statement, "show fsync")).isEqualTo("off");
                statement.execute("create role atc_app login");
                statement.execute("create database atc_test owner atc_app");
            }
            try (Connection connection = connect(server, "atc_test", "atc_app");
                    Statement statement = connection.createStatement()) {
                assertThat(queryString(statement, "select current_user || '@' || current_database()"))
                        .isEqualTo("atc_app@atc_test");
            }
        } finally {
            server.close();
        }

        assertNotListening(port);
        assertThat(baseDir).doesNotExist();
        server.close(); // idempotent
    }

    @Test
    void runsTwoServersAtOnce() throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        List<CompletableFuture<EmbeddedPostgresServer>> starts = List.of(
                CompletableFuture.supplyAsync(EmbeddedPostgresServer::start, executor),
                CompletableFuture.supplyAsync(EmbeddedPostgresServer::start, executor));
        executor.shutdown();
        CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new))
                .exceptionally(failure -> null)
                .join();
        List<EmbeddedPostgresServer> servers = starts.stream()
                .filter(start -> !start.isCompletedExceptionally())
                .map(CompletableFuture::join)
                .toList();
        try {
            starts.forEach(CompletableFuture::join); // rethrows a failed start once the others are closed below
            assertThat(servers.get(0).port()).isNotEqualTo(servers.get(1).port());
            assertThat(servers.get(0).baseDir()).isNotEqualTo(servers.get(1).baseDir());
            for (EmbeddedPostgresServer server : servers) {
                try (Connection connection = connect(server, "postgres", server.superuser());
                        Statement statement = connection.createStatement()) {
                    assertThat(queryString(statement, "show port")).isEqualTo(String.valueOf(server.port()));
                }
            }
        } finally {
            servers.forEach(EmbeddedPostgresServer::close);
        }
        for (EmbeddedPostgresServer server : servers) {
            assertNotListening(server.port());
            assertThat(server.baseDir()).doesNotExist();
        }
    }

    private static Connection connect(EmbeddedPostgresServer server, String database, String user) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(database), user, "");
    }

    private static String queryString(Statement statement, String sql) throws SQLException {
        try (ResultSet resultSet = statement.executeQuery(sql)) {
            assertThat(resultSet.next()).isTrue();
            return resultSet.getString(1);
        }
    }

    private static void assertNotListening(int port) {
        assertThatThrownBy(() -> {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                    }
                })
                .isInstanceOf(IOException.class);
    }
}
