package io.atc.audit.erasure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import io.atc.audit.verify.ChainVerifier;
import io.atc.core.audit.AuditEntry;
import io.atc.core.identity.Caller;
import io.atc.core.tenancy.Audited;
import io.atc.core.tenancy.TenantSql;
import io.atc.core.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The tombstone executor: clears the payload and salt of the matching events (their payload_hash
 * stays, so the chain still verifies) and records the erasure as a new audit event that lists the
 * erased seqs and the reason, never the subject itself.
 */
@ApplicationScoped
public class Erasures {

    private static final String ABOUT_SUBJECT = """
            select seq from audit.events
             where tenant_id = $1 and (target = $2 or payload ->> 'subject' = $2) and tombstoned_at is null
            """;
    private static final String TOMBSTONE = "select seq from audit.tombstone($1::bigint[]) order by seq";

    private final TenantTransactions transactions;

    public Erasures(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    public Uni<ErasureReceipt> erase(Caller caller, ErasureRequest request) {
        return transactions.mutate(caller.tenantId(), sql -> matching(sql, request)
                .flatMap(seqs -> sql.execute(TOMBSTONE, Tuple.of(seqs.toArray(Long[]::new))))
                .map(rows -> rows.stream().map(row -> row.getLong("seq")).toList())
                .map(erased -> Audited.of(new ErasureReceipt(erased), entry(caller, erased, request.reason()))));
    }

    private static Uni<TreeSet<Long>> matching(TenantSql sql, ErasureRequest request) {
        TreeSet<Long> seqs = new TreeSet<>();
        if (request.eventSeqs() != null) {
            seqs.addAll(request.eventSeqs());
        }
        if (request.subject() == null || request.subject().isBlank()) {
            return Uni.createFrom().item(seqs);
        }
        return sql.execute(ABOUT_SUBJECT, Tuple.of(sql.tenantId(), request.subject()))
                .map(rows -> {
                    rows.forEach(row -> seqs.add(row.getLong("seq")));
                    return seqs;
                });
    }

    private static AuditEntry entry(Caller caller, List<Long> erased, String reason) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("erasedSeqs", erased);
        payload.put("reason", reason);
        return new AuditEntry(caller.actor(), ChainVerifier.ERASURE_ACTION, "audit:erasure", payload);
    }
}
