package io.atc.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.atc.audit.checkpoints.Checkpoint;
import io.atc.audit.checkpoints.CheckpointFiles;
import io.atc.audit.checkpoints.CheckpointStore;
import io.atc.audit.verify.ChainVerification;
import io.atc.audit.verify.VerificationFlights;
import io.atc.audit.verify.VerificationMode;
import io.atc.audit.verify.VerificationReport;
import io.atc.core.crypto.Ed25519Keys;
import io.atc.core.tenancy.TenantBinding;
import io.atc.core.tenancy.TenantTransactions;
import io.atc.testkit.postgres.TestDatabase;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * What {@code POST /v1/audit/verify} costs on a long chain: the service's own ChainVerification
 * (reactive client, the same flights, a signed checkpoint file read back with its signature
 * checked), without HTTP. The default call with a checkpoint {@code behind} events before the head
 * (what a checkpoint interval leaves), against the full verification of the same chain.
 */
final class ServiceVerificationRounds {

    private ServiceVerificationRounds() {}

    static void measure(TestDatabase database, UUID tenant, long headSeq, long behind, int rounds, int fullRounds)
            throws Exception {
        long checkpointSeq = headSeq - behind;
        KeyPair keys = Ed25519Keys.generate();
        Path directory = Files.createTempDirectory("atc-bench-service-checkpoints");
        Checkpoint checkpoint =
                new Checkpoint(tenant, checkpointSeq, hashAt(database, tenant, checkpointSeq), Instant.now());
        CheckpointFiles.write(directory, checkpoint, Ed25519Keys.sign(keys.getPrivate(), checkpoint.signedBytes()));
        CheckpointStore store = new CheckpointStore() {
            @Override
            public Uni<Void> save(Checkpoint ignored) {
                return Uni.createFrom().failure(new UnsupportedOperationException("read-only in the benchmark"));
            }

            @Override
            public Uni<Optional<Checkpoint>> newest(UUID id) {
                return Uni.createFrom()
                        .item(() -> CheckpointFiles.newest(directory, id, keys.getPublic()))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
            }
        };
        Vertx vertx = Vertx.vertx();
        try {
            Pool pool = BenchSupport.appPool(vertx, database, 2);
            ChainVerification verification = new ChainVerification(
                    new TenantTransactions(pool), store, new VerificationFlights(60, 2, Clock.systemUTC()));
            System.out.printf(
                    "  service verify (ChainVerification, no HTTP), 1 tenant, head seq %,d, signed checkpoint at %,d:%n",
                    headSeq, checkpointSeq);
            report("default (from the checkpoint)", verification, tenant, VerificationMode.INCREMENTAL, rounds, behind);
            report("full (from genesis)", verification, tenant, VerificationMode.FULL, fullRounds, headSeq + 1);
            pool.close().await().atMost(Duration.ofSeconds(10));
        } finally {
            vertx.close().await().atMost(Duration.ofSeconds(10));
        }
    }

    private static void report(
            String what, ChainVerification verification, UUID tenant, VerificationMode mode, int rounds, long hashed) {
        List<Double> millis = new ArrayList<>();
        String load = Machine.loadAverage();
        for (int round = 0; round < rounds; round++) {
            long started = System.nanoTime();
            VerificationReport report =
                    verification.verify(tenant, mode).await().atMost(Duration.ofMinutes(10));
            millis.add((System.nanoTime() - started) / 1e6);
            if (!report.ok() || report.eventsHashed() != hashed) {
                throw new IllegalStateException(what + ": expected ok with " + hashed + " events hashed: " + report);
            }
        }
        List<Double> sorted = millis.stream().sorted().toList();
        System.out.printf(
                "    %-32s %,9d events hashed, %d rounds: min %,.1f ms, median %,.1f ms, max %,.1f ms"
                        + " (%,.0f events/s at the median); load before %s, after %s%n",
                what,
                hashed,
                rounds,
                sorted.get(0),
                sorted.get(sorted.size() / 2),
                sorted.get(sorted.size() - 1),
                hashed / (sorted.get(sorted.size() / 2) / 1e3),
                load,
                Machine.loadAverage());
    }

    private static byte[] hashAt(TestDatabase database, UUID tenant, long seq) throws Exception {
        try (Connection app = database.connectAsApp()) {
            app.setAutoCommit(false);
            TenantBinding.bindReadOnly(app, tenant);
            try (PreparedStatement query =
                    app.prepareStatement("select hash from audit.events where tenant_id = ? and seq = ?")) {
                query.setObject(1, tenant);
                query.setLong(2, seq);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    return rows.getBytes(1);
                } finally {
                    app.rollback();
                }
            }
        }
    }
}
