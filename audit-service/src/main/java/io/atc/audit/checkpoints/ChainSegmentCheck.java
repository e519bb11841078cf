package io.atc.audit.checkpoints;

import java.util.UUID;

import io.smallrye.mutiny.Uni;

/**
 * Verifies a chain before the checkpointer signs over it, so a signed checkpoint vouches for
 * events that verified and a later verification may start from it. Implemented by the verifier
 * (verify.ChainVerification), which itself reads checkpoints: hence an interface here.
 */
public interface ChainSegmentCheck {

    /**
     * Null when the tenant's chain, verified from {@code previous} on (from genesis when null), passes
     * through {@code seq} with {@code headHash}; otherwise what is wrong ("reason at seq N").
     */
    Uni<String> problemUpTo(UUID tenant, Checkpoint previous, long seq, byte[] headHash);
}
