package io.atc.core.audit;

import java.nio.charset.StandardCharsets;

import io.atc.core.tenancy.TenantSql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Appends to the bound tenant's chain through audit.append, in the caller's transaction and in
 * one round trip (the function locks the head, hashes, inserts and advances the head).
 * Only {@link io.atc.core.tenancy.TenantTransactions#mutate} calls it, once per mutation.
 */
public final class AuditLog {

    // $4 arrives as text and is cast server-side: a Java String bound to a jsonb parameter would be
    // stored as a JSON string, not as the object it spells.
    private static final String APPEND = "select seq, hash from audit.append($1, $2, $3, $4::text::jsonb, $5, $6)";

    private AuditLog() {
    }

    // The tenant binding and the append as one statement, for a transaction whose first statement
    // is its append: the lateral dependency makes Postgres bind the tenant before it appends.
    private static final String BIND_AND_APPEND = "select a.seq, a.hash"
            + " from (select set_config('atc.tenant_id', $1, true) as bound) b"
            + " cross join lateral audit.append(case when b.bound = $1 then $2 end, $3, $4, $5::text::jsonb, $6, $7) a";

    public static Uni<AuditReceipt> append(TenantSql sql, AuditEntry entry) {
        return sql.execute(APPEND, arguments(Tuple.tuple(), entry)).map(rows -> receipt(rows.iterator().next()));
    }

    /**
     * Binds the transaction to {@code sql}'s tenant and appends, in one statement: what
     * TenantTransactions sends first when a mutation's entry is known before its work runs.
     */
    public static Uni<AuditReceipt> bindAndAppend(TenantSql sql, AuditEntry entry) {
        return sql.execute(BIND_AND_APPEND, arguments(Tuple.of(sql.tenantId().toString()), entry))
                .map(rows -> receipt(rows.iterator().next()));
    }

    private static Tuple arguments(Tuple leading, AuditEntry entry) {
        byte[] canonical = AuditPayloads.canonicalJson(entry.payload());
        byte[] salt = AuditPayloads.newSalt();
        byte[] payloadHash = AuditPayloads.payloadHash(salt, canonical);
        return leading
                .addString(entry.actor())
                .addString(entry.action())
                .addString(entry.target())
                .addString(new String(canonical, StandardCharsets.UTF_8))
                .addBuffer(Buffer.buffer(salt))
                .addBuffer(Buffer.buffer(payloadHash));
    }

    private static AuditReceipt receipt(Row row) {
        return new AuditReceipt(row.getLong("seq"), row.getBuffer("hash").getBytes());
    }
}
