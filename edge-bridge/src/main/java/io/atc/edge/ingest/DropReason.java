package io.atc.edge.ingest;

/**
 * Why a message was dropped (and still acknowledged: a message that can never be stored must not
 * block the session). Each is a Micrometer counter tag of {@code atc.edge.ingest.dropped}.
 */
public enum DropReason {
    MALFORMED_TOPIC("malformed-topic"),
    UNKNOWN_DEVICE("unknown-device"),
    DISABLED_DEVICE("disabled-device"),
    TOPIC_MISMATCH("topic-mismatch"),
    OVERSIZE("oversize"),
    MALFORMED_JSON("malformed-json"),
    INVALID_EVENT("invalid-event"),
    INVALID_IMAGE("invalid-image"),
    /** Passed validation but Postgres refused the row alone (a value it cannot store): never retried. */
    REJECTED_BY_DATABASE("rejected-by-database");

    private final String tag;

    DropReason(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
