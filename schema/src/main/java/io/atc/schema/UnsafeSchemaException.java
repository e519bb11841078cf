package io.atc.schema;

import java.util.List;

/** The migrated database breaks the tenant-isolation contract; services must not run on it. */
public final class UnsafeSchemaException extends IllegalStateException {

    private final transient List<String> violations;

    public UnsafeSchemaException(List<String> violations) {
        super("tenant isolation is not guaranteed by this database: " + String.join("; ", violations));
        this.violations = List.copyOf(violations);
    }

    public List<String> violations() {
        return violations;
    }
}
