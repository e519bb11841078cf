package io.atc.audit.checkpoints;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Checkpoints as files: {@code <dir>/<tenant>/<seq, 20 digits>.json}, written atomically, never
 * overwritten, the newest being the highest seq. File I/O runs on the worker pool.
 */
@ApplicationScoped
public class DirectoryCheckpointStore implements CheckpointStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final CheckpointKeys keys;

    public DirectoryCheckpointStore(@ConfigProperty(name = "atc.audit.checkpoint.dir") Path directory, CheckpointKeys keys) {
        this.directory = directory;
        this.keys = keys;
    }

    @Override
    public Uni<Void> save(Checkpoint checkpoint) {
        return onWorker(() -> {
            write(checkpoint);
            return null;
        });
    }

    @Override
    public Uni<Optional<Checkpoint>> newest(UUID tenant) {
        return onWorker(() -> CheckpointFiles.newest(directory, tenant, keys.publicKey()));
    }

    private void write(Checkpoint checkpoint) {
        Map<String, Object> file = new LinkedHashMap<>(checkpoint.fields());
        file.put("signature", keys.sign(checkpoint.signedBytes()));
        Path target = CheckpointFiles.fileOf(directory, checkpoint);
        Path tenantDir = target.getParent();
        try {
            Files.createDirectories(tenantDir);
            if (Files.exists(target)) {
                return;
            }
            Path temporary = Files.createTempFile(tenantDir, "checkpoint", ".tmp");
            Files.write(temporary, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(file));
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + target, e);
        }
    }

    private static <T> Uni<T> onWorker(java.util.function.Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
