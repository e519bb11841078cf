package io.atc.core.tenancy;

import java.util.Objects;

import io.atc.core.audit.AuditEntry;

/**
 * The result of a mutation together with the audit entry it must leave. A mutation's work returns
 * this, so a change without its audit row does not compile.
 */
public record Audited<T>(T result, AuditEntry entry) {

    public Audited {
        Objects.requireNonNull(entry, "every mutation records an audit entry");
    }

    public static <T> Audited<T> of(T result, AuditEntry entry) {
        return new Audited<>(result, entry);
    }
}
