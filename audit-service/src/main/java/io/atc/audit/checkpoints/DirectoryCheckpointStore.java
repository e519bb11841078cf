package io.atc.audit.checkpoints;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.atc.audit.config.AuditConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Checkpoints as files ({@link CheckpointFiles}), written atomically, never overwritten, the
 * newest being the highest seq. File I/O runs on the worker pool.
 */
@ApplicationScoped
public class DirectoryCheckpointStore implements CheckpointStore {

    private final Path directory;
    private final CheckpointKeys keys;

    public DirectoryCheckpointStore(AuditConfig config, CheckpointKeys keys) {
        this.directory = config.checkpoint().dir();
        this.keys = keys;
    }

    @Override
    public Uni<Void> save(Checkpoint checkpoint) {
        return onWorker(() -> {
            CheckpointFiles.write(directory, checkpoint, keys.sign(checkpoint.signedBytes()));
            return null;
        });
    }

    @Override
    public Uni<Optional<Checkpoint>> newest(UUID tenant) {
        return onWorker(() -> CheckpointFiles.newest(directory, tenant, keys.publicKey()));
    }

    private static <T> Uni<T> onWorker(Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
