package io.atc.audit.events;

import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.atc.audit.verify.StoredChain;
import io.atc.core.errors.ProblemException;
import io.atc.core.paging.Page;
import io.atc.core.paging.PageCursor;
import io.atc.core.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;

/** Reading a tenant's own audit trail: pages, single events, and JSON Lines export. */
@ApplicationScoped
public class AuditEvents {

    private final TenantTransactions transactions;
    private final ObjectMapper json;

    public AuditEvents(TenantTransactions transactions, ObjectMapper json) {
        this.transactions = transactions;
        this.json = json;
    }

    public Uni<Page<AuditEventView>> page(UUID tenant, long afterSeq, int limit, AuditEventFilter filter) {
        return transactions
                .read(
                        tenant,
                        sql -> StoredChain.page(
                                sql, afterSeq + 1, limit + 1, filter.conditions(StoredChain.FIRST_CONDITION_PARAMETER)))
                .map(records -> Page.of(
                        records.stream()
                                .map(record -> AuditEventView.of(tenant.toString(), record))
                                .toList(),
                        limit,
                        AuditEventView::seq,
                        PageCursor.BY_SEQ));
    }

    public Uni<AuditEventView> get(UUID tenant, long seq) {
        return transactions.read(tenant, sql -> StoredChain.page(sql, seq, 1)).map(records -> {
            if (records.isEmpty() || records.get(0).seq() != seq) {
                throw ProblemException.notFound("audit event " + seq);
            }
            return AuditEventView.of(tenant.toString(), records.get(0));
        });
    }

    public static final int MAX_EXPORT = 100_000;

    /**
     * One JSON object per line, in seq order, read through a cursor in one read transaction.
     * At most {@link #MAX_EXPORT} events per call; larger ranges are exported in several calls.
     */
    public Uni<String> export(UUID tenant, long fromSeq, long toSeq) {
        return transactions.read(tenant, sql -> StoredChain.events(sql, fromSeq, toSeq)
                .map(record -> line(AuditEventView.of(tenant.toString(), record)))
                .collect()
                .with(Collectors.joining()));
    }

    private String line(AuditEventView event) {
        try {
            return json.writeValueAsString(event) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise audit event " + event.seq(), e);
        }
    }
}
