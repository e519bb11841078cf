package io.atc.audit.checkpoints;

import java.util.Optional;
import java.util.UUID;

import io.smallrye.mutiny.Uni;

/**
 * Where signed checkpoints live, outside the database: a directory by default (a Kubernetes
 * volume), an object store with object lock where available. Implementations return only
 * checkpoints whose signature verifies, and fail when the newest one does not.
 */
public interface CheckpointStore {

    Uni<Void> save(Checkpoint checkpoint);

    Uni<Optional<Checkpoint>> newest(UUID tenant);
}
