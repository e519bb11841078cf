package io.atc.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.atc.core.keys.ApiKeyFormat;
import io.atc.core.keys.ParsedApiKey;
import io.atc.gateway.support.Poll;
import io.atc.testkit.postgres.TestDatabase;
import io.vertx.pgclient.PgConnectOptions;

/**
 * The listener survives what a real network does to it: a database that is not there yet, a cut
 * connection, a connection that goes silent, and payloads that are not key changes. Whenever it
 * (re)subscribes it clears every cache and announces that changes may have been missed.
 */
class KeyChangeListenerTests {

    private static final Duration BACKOFF = Duration.ofMillis(200);

    @RegisterExtension
    static final FakeKeysServiceExtension FAKE = new FakeKeysServiceExtension();

    private final ParsedApiKey key = new ApiKeyFormat(GatewayReplica.ENVIRONMENT).generate();
    private final UUID tenant = UUID.randomUUID();
    private final UUID keyId = UUID.randomUUID();
    private TcpProxy proxy;
    private GatewayReplica gateway;

    @BeforeEach
    void answerActive() {
        FAKE.keysService()
                .answer(presented -> FakeKeysService.Reply.verdict(
                        presented.equals(key.raw())
                                ? FakeKeysService.active(tenant, keyId, key.prefix(), null)
                                : FakeKeysService.unknown()));
    }

    @AfterEach
    void close() {
        if (gateway != null) {
            gateway.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void startsWithoutTheDatabaseAndListensOnceItIsReachable() throws Exception {
        int port = freePort();
        long start = System.nanoTime();
        gateway = new GatewayReplica(FAKE.vertx(), FAKE.keysService().verifyUrl())
                .listening(FAKE.vertx(), throughPort(port), BACKOFF, Duration.ofSeconds(10));
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("start() does not wait for the database")
                .isLessThan(Duration.ofMillis(500));
        assertThat(gateway.isListening()).isFalse();
        assertThat(gateway.outcome(key.raw()))
                .as("keys are still verified meanwhile")
                .isEqualTo(AuthOutcome.OK);

        proxy = new TcpProxy(
                        FAKE.vertx(), port, database().getHost(), database().getPort())
                .start();

        Poll.within(Duration.ofSeconds(10), "listening once the database is reachable", gateway::isListening);
        assertThat(gateway.resyncs()).isEqualTo(1);
        Notifications.commitNotification(Notifications.payload(tenant, keyId, key.prefix(), "revoked"));
        Poll.within(Duration.ofSeconds(5), "the change is announced", () -> gateway.announced.stream()
                .anyMatch(change -> keyId.equals(change.keyId())));
    }

    /** Breaks if the listener does not clear the caches on resubscribing: the key stays cached (no second call). */
    @Test
    void aCutConnectionIsReopenedAndEverythingCachedIsDropped() throws Exception {
        int port = freePort();
        proxy = new TcpProxy(
                        FAKE.vertx(), port, database().getHost(), database().getPort())
                .start();
        gateway = new GatewayReplica(FAKE.vertx(), FAKE.keysService().verifyUrl())
                .listening(FAKE.vertx(), throughPort(port), BACKOFF, Duration.ofSeconds(10));
        Poll.within(Duration.ofSeconds(10), "listening", gateway::isListening);
        int before = FAKE.keysService().calls();
        assertThat(gateway.outcome(key.raw())).isEqualTo(AuthOutcome.OK);
        assertThat(gateway.outcome(key.raw())).isEqualTo(AuthOutcome.OK);
        assertThat(FAKE.keysService().calls() - before).isEqualTo(1);

        proxy.dropConnections();

        Poll.within(
                Duration.ofSeconds(10),
                "resubscribed and resynchronised",
                () -> gateway.resyncs() == 2 && gateway.isListening());
        assertThat(gateway.announced).filteredOn(KeyChanged::everything).allMatch(change -> change.keyId() == null);
        assertThat(gateway.outcome(key.raw())).isEqualTo(AuthOutcome.OK);
        assertThat(FAKE.keysService().calls() - before)
                .as("the cache was cleared: verified again")
                .isEqualTo(2);
    }

    /** Breaks if the listener has no ping: a frozen connection delivers nothing and reports nothing, for hours. */
    @Test
    void aSilentConnectionIsDetectedAndReplaced() throws Exception {
        int port = freePort();
        proxy = new TcpProxy(
                        FAKE.vertx(), port, database().getHost(), database().getPort())
                .start();
        gateway = new GatewayReplica(FAKE.vertx(), FAKE.keysService().verifyUrl())
                .listening(FAKE.vertx(), throughPort(port), BACKOFF, Duration.ofMillis(300));
        Poll.within(Duration.ofSeconds(10), "listening", gateway::isListening);

        proxy.freezeConnections();

        Poll.within(Duration.ofSeconds(10), "a fresh subscription after the silent one", () -> gateway.resyncs() >= 2);
        Poll.within(Duration.ofSeconds(10), "listening again", gateway::isListening);
        Notifications.commitNotification(Notifications.payload(tenant, keyId, key.prefix(), "rotated"));
        Poll.within(Duration.ofSeconds(5), "changes arrive again", () -> gateway.announced.stream()
                .anyMatch(change -> keyId.equals(change.keyId())));
    }

    @Test
    void malformedPayloadsAreIgnoredAndListeningGoesOn() throws Exception {
        gateway = new GatewayReplica(FAKE.vertx(), FAKE.keysService().verifyUrl())
                .listening(FAKE.vertx(), database(), BACKOFF, Duration.ofSeconds(10));
        Poll.within(Duration.ofSeconds(10), "listening", gateway::isListening);
        assertThat(gateway.outcome(key.raw())).isEqualTo(AuthOutcome.OK);
        int before = FAKE.keysService().calls();

        for (String malformed : new String[] {
            "not json",
            "{}",
            "[1,2]",
            "{\"tenant\":\"x\",\"keyId\":\"y\",\"prefix\":\"p\",\"change\":\"revoked\"}",
            "{\"tenant\":\"" + tenant + "\",\"keyId\":\"" + keyId + "\",\"change\":\"revoked\"}",
            ""
        }) {
            Notifications.commitNotification(malformed);
        }
        UUID otherKey = UUID.randomUUID();
        Notifications.commitNotification(Notifications.payload(tenant, otherKey, "atc_test_AAAAAAAAAAAA", "revoked"));

        Poll.within(
                Duration.ofSeconds(5),
                "the well-formed change after the malformed ones is applied",
                () -> gateway.announced.stream().anyMatch(change -> otherKey.equals(change.keyId())));
        assertThat(gateway.announced).filteredOn(change -> !change.everything()).hasSize(1);
        assertThat(gateway.isListening()).isTrue();
        assertThat(gateway.outcome(key.raw()))
                .as("nothing about this key changed: still cached")
                .isEqualTo(AuthOutcome.OK);
        assertThat(FAKE.keysService().calls()).isEqualTo(before);
    }

    private static PgConnectOptions database() {
        return TestDatabase.shared().appConnectOptions();
    }

    private static PgConnectOptions throughPort(int port) {
        return new PgConnectOptions(database()).setHost("127.0.0.1").setPort(port);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
