package io.atc.core.audit;

import java.nio.charset.StandardCharsets;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Appends to the bound tenant's chain through audit.append, in the caller's transaction and in
 * one round trip (the function locks the head, hashes, inserts and advances the head). It knows
 * no transaction of its own: the tenancy package's TenantTransactions.mutate hands it the
 * statements of the tenant transaction it opened, once per mutation.
 */
public final class AuditLog {

    /** One statement in the caller's open transaction, which is bound to the tenant whose chain grows. */
    @FunctionalInterface
    public interface Statements {
        Uni<RowSet<Row>> execute(String sql, Tuple parameters);
    }

    // $4 arrives as text and is cast server-side: a Java String bound to a jsonb parameter would be
    // stored as a JSON string, not as the object it spells.
    private static final String APPEND = "select seq, hash from audit.append($1, $2, $3, $4::text::jsonb, $5, $6)";

    private final String appendAfterFirst;

    private AuditLog(String first) {
        // The append's first argument depends on b, so Postgres evaluates first before it appends.
        this.appendAfterFirst = "select a.seq, a.hash"
                + " from (select " + first + " as first) b"
                + " cross join lateral audit.append(case when b.first = $1 then $2 end, $3, $4, $5::text::jsonb, $6, $7) a";
    }

    public static Uni<AuditReceipt> append(Statements sql, AuditEntry entry) {
        return sql.execute(APPEND, arguments(Tuple.tuple(), entry)).map(AuditLog::receipt);
    }

    /**
     * The append for a transaction whose first statement is its append, sent together with what
     * must run before it: {@code first} is an SQL expression over {@code $1} whose value is
     * {@code $1} (the tenant binding). One statement instead of two.
     */
    public static AuditLog after(String first) {
        return new AuditLog(first);
    }

    /** Runs {@code first} with {@code firstArgument} as its {@code $1}, then appends, in one statement. */
    public Uni<AuditReceipt> append(Statements sql, String firstArgument, AuditEntry entry) {
        return sql.execute(appendAfterFirst, arguments(Tuple.of(firstArgument), entry))
                .map(AuditLog::receipt);
    }

    private static Tuple arguments(Tuple leading, AuditEntry entry) {
        byte[] canonical = AuditPayloads.canonicalJson(entry.payload());
        byte[] salt = AuditPayloads.newSalt();
        byte[] payloadHash = AuditPayloads.payloadHash(salt, canonical);
        return leading.addString(entry.actor())
                .addString(entry.action())
                .addString(entry.target())
                .addString(new String(canonical, StandardCharsets.UTF_8))
                .addBuffer(Buffer.buffer(salt))
                .addBuffer(Buffer.buffer(payloadHash));
    }

    private static AuditReceipt receipt(RowSet<Row> rows) {
        Row row = rows.iterator().next();
        return new AuditReceipt(row.getLong("seq"), row.getBuffer("hash").getBytes());
    }
}
