package io.atc.retention.deletion;

/** What a run deletes: expired rows of a site (the purge), or every row of a device or site (an erasure). */
public enum RunKind {
    PURGE("purge"),
    ERASURE("erasure");

    private final String column;

    RunKind(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }

    public static RunKind ofColumn(String value) {
        for (RunKind kind : values()) {
            if (kind.column.equals(value)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown run kind " + value);
    }
}
