package io.atc.audit.verify;

import io.atc.audit.checkpoints.Checkpoint;

/** A tenant's chain head as stored in audit.chain_heads (or as a signed checkpoint vouches for it). */
public record ChainHead(long seq, byte[] hash) {

    /** The head {@code checkpoint} vouches for. */
    public static ChainHead of(Checkpoint checkpoint) {
        return new ChainHead(checkpoint.seq(), checkpoint.headHash());
    }
}
