package io.atc.edge.ingest;

/** A message that can never be stored, and why. Carries no stack trace: it is an answer, not a fault. */
final class MessageRejected extends Exception {

    private final DropReason reason;

    MessageRejected(DropReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    DropReason reason() {
        return reason;
    }
}
