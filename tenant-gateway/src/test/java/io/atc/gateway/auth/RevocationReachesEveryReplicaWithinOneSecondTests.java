package io.atc.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.atc.core.keys.ApiKeyFormat;
import io.atc.core.keys.ParsedApiKey;
import io.atc.gateway.support.Poll;
import io.atc.testkit.postgres.TestDatabase;
import io.vertx.core.Vertx;

/**
 * Two gateway replicas, each with its own caches and its own LISTEN connection, both holding a key
 * as verified. The keys-service's revocation commits with its NOTIFY; both replicas refuse the key
 * within one second of the commit. Breaks if KeyChangeListener does not evict (the replicas keep
 * answering OK from their caches for the 5-minute safety TTL).
 */
class RevocationReachesEveryReplicaWithinOneSecondTests {

    private static Vertx vertxA;
    private static Vertx vertxB;
    private static FakeKeysService keysService;

    @BeforeAll
    static void start() {
        vertxA = Vertx.vertx();
        vertxB = Vertx.vertx();
        keysService = new FakeKeysService(vertxA, GatewayReplica.TOKENS.gatewayToken());
    }

    @AfterAll
    static void stop() {
        keysService.close();
        vertxA.close().toCompletionStage().toCompletableFuture().join();
        vertxB.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void aRevokedKeyIsRefusedByBothReplicasWithinOneSecondOfTheCommit() throws Exception {
        ParsedApiKey key = new ApiKeyFormat(GatewayReplica.ENVIRONMENT).generate();
        UUID tenant = UUID.randomUUID();
        UUID keyId = UUID.randomUUID();
        AtomicBoolean revoked = new AtomicBoolean();
        keysService.answer(presented -> FakeKeysService.Reply.verdict(
                revoked.get()
                        ? FakeKeysService.inactive("revoked", tenant, keyId, key.prefix())
                        : FakeKeysService.active(tenant, keyId, key.prefix(), null)));

        try (GatewayReplica a = replica(vertxA);
                GatewayReplica b = replica(vertxB)) {
            Poll.within(Duration.ofSeconds(10), "both replicas listening", () -> a.isListening() && b.isListening());
            for (GatewayReplica replica : List.of(a, b)) {
                assertThat(replica.outcome(key.raw())).isEqualTo(AuthOutcome.OK);
                assertThat(replica.outcome(key.raw())).isEqualTo(AuthOutcome.OK);
            }
            assertThat(keysService.calls())
                    .as("each replica verified once, then cached")
                    .isEqualTo(2);

            revoked.set(true);
            long commit =
                    Notifications.commitNotification(Notifications.payload(tenant, keyId, key.prefix(), "revoked"));

            long refusedByA = whenRefused(a, key, commit);
            long refusedByB = whenRefused(b, key, commit);
            assertThat(refusedByA).as("ms from commit until replica A refuses").isLessThan(1000);
            assertThat(refusedByB).as("ms from commit until replica B refuses").isLessThan(1000);
            assertThat(a.announced)
                    .anyMatch(change ->
                            keyId.equals(change.keyId()) && change.change().equals("revoked"));
            assertThat(b.announced)
                    .anyMatch(change ->
                            keyId.equals(change.keyId()) && change.change().equals("revoked"));
        }
    }

    /** Milliseconds from the commit until the replica first answers REVOKED (polled; gives up after 5 s). */
    private static long whenRefused(GatewayReplica replica, ParsedApiKey key, long commitNanos) {
        long[] refusedAt = new long[1];
        Poll.within(Duration.ofSeconds(5), "the replica refuses the revoked key", () -> {
            if (replica.outcome(key.raw()) == AuthOutcome.REVOKED) {
                refusedAt[0] = System.nanoTime();
                return true;
            }
            return false;
        });
        return Duration.ofNanos(refusedAt[0] - commitNanos).toMillis();
    }

    private static GatewayReplica replica(Vertx vertx) {
        return new GatewayReplica(vertx, keysService.verifyUrl())
                .listening(
                        vertx,
                        TestDatabase.shared().appConnectOptions(),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(10));
    }
}
