package io.atc.core.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The tombstone executor, in the caller's tenant transaction: clears the payload and salt of the
 * matching events (their payload_hash stays, so the chain still verifies) through audit.tombstone. The
 * transaction's audit entry must then be {@link #entry}: an {@value #ACTION} event listing the erased
 * seqs, which the verifier requires for every tombstone, and never the subject itself. The audit-service's
 * erasure (by subject or seq) and the retention-service's erasure of a device or site both use it.
 */
public final class AuditErasure {

    /** The action of the event that authorises tombstones; the verifier reads its {@code erasedSeqs}. */
    public static final String ACTION = "audit.erasure";

    /** Its target: never a subject, so no later erasure by subject can tombstone the record of an erasure. */
    public static final String TARGET = "audit:erasure";

    private static final String ABOUT_SUBJECT = """
            select seq from audit.events
             where tenant_id = $1 and (target = $2 or payload ->> 'subject' = $2) and tombstoned_at is null
            """;
    private static final String TOMBSTONE = "select seq from audit.tombstone($1::bigint[]) order by seq";

    private AuditErasure() {}

    /**
     * Tombstones the events {@code seqs} and every not yet tombstoned event about {@code subject} (its
     * target, or its payload's "subject" field; null for none); the seqs it erased, ascending.
     */
    public static Uni<List<Long>> tombstone(
            AuditLog.Statements sql, UUID tenantId, Collection<Long> seqs, String subject) {
        TreeSet<Long> matching = new TreeSet<>(seqs);
        Uni<TreeSet<Long>> found = subject == null || subject.isBlank()
                ? Uni.createFrom().item(matching)
                : sql.execute(ABOUT_SUBJECT, Tuple.of(tenantId, subject)).map(rows -> {
                    rows.forEach(row -> matching.add(row.getLong("seq")));
                    return matching;
                });
        return found.flatMap(all -> sql.execute(TOMBSTONE, Tuple.of(all.toArray(Long[]::new))))
                .map(rows -> {
                    List<Long> erased = new ArrayList<>();
                    rows.forEach(row -> erased.add(row.getLong("seq")));
                    return List.copyOf(erased);
                });
    }

    /** The entry that records an erasure: the erased seqs, the reason, and {@code details} (no subject). */
    public static AuditEntry entry(String actor, List<Long> erased, String reason, Map<String, Object> details) {
        Map<String, Object> payload = new LinkedHashMap<>(details);
        payload.put("erasedSeqs", erased);
        payload.put("reason", reason);
        return new AuditEntry(actor, ACTION, TARGET, payload);
    }
}
