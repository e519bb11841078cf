package io.atc.audit.checkpoints;

/** The newest checkpoint held for a tenant does not carry a valid signature. */
public final class CheckpointTamperedException extends RuntimeException {

    public CheckpointTamperedException(String message) {
        super(message, null, false, false);
    }
}
