package io.atc.retention.support;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.atc.core.audit.AuditEntry;
import io.atc.core.tenancy.Audited;
import io.atc.core.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;

/** Audit events about a subject (a device's registration, say), as another service's mutation leaves them. */
public final class AuditedSubjects {

    private AuditedSubjects() {}

    /** Appends one event about {@code target} with a payload holding personal data. */
    public static void eventAbout(TenantTransactions transactions, UUID tenantId, String target) {
        transactions
                .mutate(tenantId, sql -> Uni.createFrom()
                        .item(Audited.of(
                                true,
                                new AuditEntry(
                                        "user:test", "device.renamed", target, Map.of("name", "Alice's doorbell")))))
                .await()
                .atMost(Duration.ofSeconds(30));
    }
}
