package io.atc.audit.erasure;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.atc.core.audit.AuditErasure;
import io.atc.core.identity.Caller;
import io.atc.core.tenancy.Audited;
import io.atc.core.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;

/**
 * Erasure by subject or seq: {@link AuditErasure} tombstones the matching events and the erasure is
 * recorded as a new audit event that lists the erased seqs and the reason, never the subject itself.
 */
@ApplicationScoped
public class Erasures {

    private final TenantTransactions transactions;

    public Erasures(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    public Uni<ErasureReceipt> erase(Caller caller, ErasureRequest request) {
        List<Long> seqs = request.eventSeqs() == null ? List.of() : request.eventSeqs();
        return transactions.mutate(
                caller.tenantId(), sql -> AuditErasure.tombstone(sql::execute, sql.tenantId(), seqs, request.subject())
                        .map(erased -> Audited.of(
                                new ErasureReceipt(erased),
                                AuditErasure.entry(caller.actor(), erased, request.reason(), Map.of()))));
    }
}
