package io.atc.testkit.postgres;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import org.jboss.logging.Logger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

import io.atc.devservices.postgres.EmbeddedPostgresServer;

/**
 * Finds a Postgres server for the tests, in this order: an explicit admin URL in
 * ATC_TEST_DB_URL; the local service on 127.0.0.1:5432; a Testcontainers Postgres when a
 * Docker engine answers; an embedded Postgres. So the test command passes on a machine with only a JDK.
 */
public final class PostgresServerResolver {

    public static final String ENV_URL = "ATC_TEST_DB_URL";

    private static final Logger LOG = Logger.getLogger(PostgresServerResolver.class);

    private PostgresServerResolver() {}

    static PostgresServer resolve() {
        String explicit = System.getenv(ENV_URL);
        if (explicit != null && !explicit.isBlank()) {
            return fromUrl(explicit);
        }
        PostgresServer local = new PostgresServer("127.0.0.1", 5432, "postgres", "", "postgres", "local-service");
        if (answers(local)) {
            return local;
        }
        if (dockerAvailable()) {
            return startContainer();
        }
        LOG.info("no Postgres configured, on 127.0.0.1:5432 or in Docker: starting an embedded one");
        EmbeddedPostgresServer embedded = EmbeddedPostgresServer.start();
        Runtime.getRuntime().addShutdownHook(new Thread(embedded::close, "embedded-postgres-stop"));
        return new PostgresServer(embedded.host(), embedded.port(), embedded.superuser(), "", "postgres", "embedded");
    }

    /** postgresql://user:password@host:port/database, where the user may create databases and roles. */
    static PostgresServer fromUrl(String url) {
        URI uri = URI.create(url.startsWith("jdbc:") ? url.substring(5) : url);
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new IllegalArgumentException(
                    ENV_URL + " must look like postgresql://user:password@host:port/database");
        }
        String userInfo = uri.getRawUserInfo();
        if (userInfo == null || userInfo.isBlank()) {
            throw new IllegalArgumentException(
                    ENV_URL + " must name an admin user (postgresql://user:password@host:port/database)");
        }
        String[] credentials = userInfo.split(":", 2);
        String database = uri.getPath() == null || uri.getPath().length() <= 1
                ? "postgres"
                : uri.getPath().substring(1);
        return new PostgresServer(
                uri.getHost(),
                uri.getPort() < 0 ? 5432 : uri.getPort(),
                decode(credentials[0]),
                credentials.length > 1 ? decode(credentials[1]) : "",
                database,
                "env");
    }

    static boolean answers(PostgresServer server) {
        Properties properties = new Properties();
        properties.setProperty("user", server.adminUser());
        properties.setProperty("password", server.adminPassword());
        properties.setProperty("connectTimeout", "2");
        properties.setProperty("socketTimeout", "5");
        try (Connection ignored = DriverManager.getConnection(server.jdbcUrl(server.adminDatabase()), properties)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @SuppressWarnings("resource")
    private static PostgresServer startContainer() {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse("postgres:15-alpine"))
                .withEnv("POSTGRES_HOST_AUTH_METHOD", "trust")
                .withExposedPorts(5432)
                .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*\\n", 2));
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "postgres-container-stop"));
        return new PostgresServer(
                container.getHost(), container.getMappedPort(5432), "postgres", "", "postgres", "testcontainers");
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
