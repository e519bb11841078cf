package io.atc.core.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.atc.core.config.DatabaseConfig;
import io.atc.core.config.DatabaseSslMode;
import io.atc.core.config.DatabaseTls;
import io.atc.core.listen.ChannelListener;
import io.atc.core.listen.ListenConnections;
import io.atc.devservices.postgres.EmbeddedPostgresServer;
import io.atc.testkit.postgres.PostgresServer;
import io.atc.testkit.postgres.TestDatabase;
import io.atc.testkit.postgres.TlsPostgres;
import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

/**
 * Against a real Postgres that offers TLS (one per class): the service pool, a LISTEN connection and
 * the migrator connect under verify-full with the CA that issued the server's certificate, over TLS;
 * a CA that did not, or an address the certificate does not name, is refused (verify-ca accepts the
 * latter); a server without TLS is refused by require and the verify modes and still served by the
 * default, prefer. Breaks when: any of these paths ignores ATC_DB_SSL_MODE or ATC_DB_SSL_ROOT_CERT.
 */
class EveryConnectionHonoursDatabaseTlsTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static TlsPostgres server;
    private static TestDatabase database;
    private static Vertx vertx;

    @BeforeAll
    static void start() {
        server = TlsPostgres.start();
        // Migrated by the migrator under verify-full: the migrator's own proof.
        database = TestDatabase.create(
                server.server(),
                new io.atc.schema.DatabaseTls(
                        "verify-full", Optional.of(server.caFile().toString())));
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theMigratorConnectsUnderVerifyFullOverTls() throws SQLException {
        assertThat(database.target().jdbcUrl()).contains("sslmode=verify-full").contains("sslrootcert=");
        try (Connection owner = database.connectAsOwner()) {
            assertThat(sessionIsEncrypted(owner)).isTrue();
        }
    }

    @Test
    void theMigratorRefusesAServerItsCaDidNotCertify() {
        assertThatThrownBy(() -> TestDatabase.create(server.server(), migratorTls("verify-full", server.otherCaFile())))
                .hasMessageContaining("SSL");
    }

    @Test
    void theMigratorRefusesAHostTheCertificateDoesNotNameButVerifyCaAcceptsIt() throws SQLException {
        String byAddress = server.uriByAddress(database.name());
        assertThatThrownBy(() -> jdbc(byAddress, migratorTls("verify-full", server.caFile())))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("127.0.0.1");
        try (Connection connection = jdbc(byAddress, migratorTls("verify-ca", server.caFile()))) {
            assertThat(sessionIsEncrypted(connection)).isTrue();
        }
    }

    @Test
    void theServicePoolConnectsUnderVerifyFullOverTls() throws Exception {
        assertThat(encryptedThroughThePool(
                        server.uri(database.name()), tls(DatabaseSslMode.VERIFY_FULL, server.caFile())))
                .isTrue();
    }

    @Test
    void theServicePoolRefusesAServerItsCaDidNotCertify() {
        assertThatThrownBy(() -> encryptedThroughThePool(
                        server.uri(database.name()), tls(DatabaseSslMode.VERIFY_FULL, server.otherCaFile())))
                .hasStackTraceContaining("SSL handshake failed");
    }

    @Test
    void theServicePoolRefusesAHostTheCertificateDoesNotNameButVerifyCaAcceptsIt() throws Exception {
        String byAddress = server.uriByAddress(database.name());
        assertThatThrownBy(() -> encryptedThroughThePool(byAddress, tls(DatabaseSslMode.VERIFY_FULL, server.caFile())))
                .hasStackTraceContaining("SSL handshake failed");
        assertThat(encryptedThroughThePool(byAddress, tls(DatabaseSslMode.VERIFY_CA, server.caFile())))
                .isTrue();
    }

    @Test
    void aListenConnectionConnectsUnderVerifyFullOverTls() throws Exception {
        String name = "atc-tls-test-listen";
        CompletableFuture<Void> subscribed = new CompletableFuture<>();
        CompletableFuture<String> received = new CompletableFuture<>();
        ChannelListener listener = new ChannelListener(
                vertx,
                ListenConnections.connectOptions(
                        config(server.uri(database.name()), tls(DatabaseSslMode.VERIFY_FULL, server.caFile())), name),
                "atc_tls_test",
                "tls test listener",
                "",
                Duration.ofSeconds(1),
                Duration.ofSeconds(5),
                new ChannelListener.Owner() {
                    @Override
                    public void subscribed(Runnable reconnect) {
                        subscribed.complete(null);
                    }

                    @Override
                    public void notification(String payload) {
                        received.complete(payload);
                    }
                });
        listener.start();
        try {
            subscribed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            try (Connection owner = database.connectAsOwner();
                    Statement statement = owner.createStatement()) {
                statement.execute("select pg_notify('atc_tls_test', 'over tls')");
            }
            assertThat(received.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("over tls");
            assertThat(listenSessionIsEncrypted(name)).isTrue();
        } finally {
            listener.stop();
        }
    }

    @Test
    void aListenConnectionRefusesAServerItsCaDidNotCertify() {
        PgConnectOptions options = ListenConnections.connectOptions(
                config(server.uri(database.name()), tls(DatabaseSslMode.VERIFY_FULL, server.otherCaFile())),
                "atc-tls-test-refused");
        PgSubscriber subscriber = PgSubscriber.subscriber(vertx, options);
        try {
            assertThatThrownBy(() -> subscriber
                            .connect()
                            .toCompletionStage()
                            .toCompletableFuture()
                            .get(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .hasStackTraceContaining("SSL handshake failed");
        } finally {
            subscriber.close();
        }
    }

    @Test
    void aServerWithoutTlsIsRefusedByRequireAndTheVerifyModesAndServedByPrefer() throws Exception {
        // A server of its own that surely offers no TLS: the shared one may (Debian's default config does).
        try (EmbeddedPostgresServer withoutTls = EmbeddedPostgresServer.start()) {
            TestDatabase plain = TestDatabase.create(new PostgresServer(
                    "localhost", withoutTls.port(), withoutTls.superuser(), "", "postgres", "embedded"));
            refusedByRequireAndTheVerifyModesAndServedByPrefer(plain);
        }
    }

    private static void refusedByRequireAndTheVerifyModesAndServedByPrefer(TestDatabase plain) throws Exception {
        try (Connection admin = plain.server().connectAsAdmin();
                Statement statement = admin.createStatement();
                ResultSet ssl = statement.executeQuery("show ssl")) {
            ssl.next();
            assertThat(ssl.getString(1)).as("the plain server offers no TLS").isEqualTo("off");
        }
        String uri = plain.target().uri();
        for (DatabaseSslMode mode : List.of(DatabaseSslMode.REQUIRE, DatabaseSslMode.VERIFY_FULL)) {
            assertThatThrownBy(() -> encryptedThroughThePool(uri, plain, tls(mode, server.caFile())))
                    .as(mode.setting())
                    .hasStackTraceContaining("does not handle SSL");
        }
        assertThatThrownBy(() -> jdbc(uri, plain, migratorTls("require", null)))
                .hasMessageContaining("does not support SSL");
        assertThatThrownBy(() -> jdbc(uri, plain, migratorTls("verify-full", server.caFile())))
                .hasMessageContaining("does not support SSL");
        assertThat(encryptedThroughThePool(uri, plain, tls(DatabaseSslMode.PREFER, null)))
                .isFalse();
    }

    private static DatabaseTls tls(DatabaseSslMode mode, Path rootCert) {
        return new DatabaseTls(mode, Optional.ofNullable(rootCert).map(Path::toString));
    }

    private static io.atc.schema.DatabaseTls migratorTls(String mode, Path rootCert) {
        return new io.atc.schema.DatabaseTls(mode, Optional.ofNullable(rootCert).map(Path::toString));
    }

    private static boolean encryptedThroughThePool(String uri, DatabaseTls tls) throws Exception {
        return encryptedThroughThePool(uri, database, tls);
    }

    /** Through ServicePoolCreator, given the options Quarkus builds from ATC_DB_URL and the service role. */
    private static boolean encryptedThroughThePool(String uri, TestDatabase on, DatabaseTls tls) throws Exception {
        PgConnectOptions quarkusBuilt = PgConnectOptions.fromUri(uri)
                .setUser(on.target().appUser())
                .setPassword(on.target().appPassword());
        Pool pool = new ServicePoolCreator(tls).create(new PgPoolCreator.Input() {
            @Override
            public Vertx vertx() {
                return vertx;
            }

            @Override
            public PoolOptions poolOptions() {
                return new PoolOptions().setMaxSize(1);
            }

            @Override
            public List<PgConnectOptions> pgConnectOptionsList() {
                return List.of(quarkusBuilt);
            }
        });
        try {
            return pool.query("select ssl from pg_stat_ssl where pid = pg_backend_pid()")
                    .execute()
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS)
                    .iterator()
                    .next()
                    .getBoolean(0);
        } finally {
            pool.close();
        }
    }

    private static Connection jdbc(String uri, io.atc.schema.DatabaseTls tls) throws SQLException {
        return jdbc(uri, database, tls);
    }

    /** As the migrator connects: its DatabaseTarget's JDBC URL. */
    private static Connection jdbc(String uri, TestDatabase on, io.atc.schema.DatabaseTls tls) throws SQLException {
        io.atc.schema.DatabaseTarget target = new io.atc.schema.DatabaseTarget(
                uri,
                on.target().ownerUser(),
                on.target().ownerPassword(),
                on.target().appUser(),
                on.target().appPassword(),
                on.target().retentionUser(),
                on.target().retentionPassword(),
                tls);
        return DriverManager.getConnection(target.jdbcUrl(), target.ownerUser(), target.ownerPassword());
    }

    private static boolean sessionIsEncrypted(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select ssl from pg_stat_ssl where pid = pg_backend_pid()")) {
            row.next();
            return row.getBoolean(1);
        }
    }

    private static boolean listenSessionIsEncrypted(String applicationName) throws SQLException {
        try (Connection admin = database.server().connectAsAdmin();
                PreparedStatement query = admin.prepareStatement("select s.ssl from pg_stat_ssl s"
                        + " join pg_stat_activity a on a.pid = s.pid where a.application_name = ?")) {
            query.setString(1, applicationName);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next())
                        .as("the LISTEN session %s", applicationName)
                        .isTrue();
                return row.getBoolean(1);
            }
        }
    }

    private static DatabaseConfig config(String url, DatabaseTls tls) {
        return new DatabaseConfig() {
            @Override
            public String url() {
                return url;
            }

            @Override
            public String appUser() {
                return database.target().appUser();
            }

            @Override
            public Optional<String> appPassword() {
                return Optional.of(database.target().appPassword());
            }

            @Override
            public int poolSize() {
                return 1;
            }

            @Override
            public DatabaseSslMode sslMode() {
                return tls.mode();
            }

            @Override
            public Optional<String> sslRootCert() {
                return tls.rootCert();
            }

            @Override
            public Duration startupTimeout() {
                return WAIT;
            }
        };
    }
}
