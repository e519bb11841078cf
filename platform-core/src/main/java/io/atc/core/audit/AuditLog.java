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

    public static Uni<AuditReceipt> append(TenantSql sql, AuditEntry entry) {
        byte[] canonical = AuditPayloads.canonicalJson(entry.payload());
        byte[] salt = AuditPayloads.newSalt();
        byte[] payloadHash = AuditPayloads.payloadHash(salt, canonical);
        Tuple arguments = Tuple.tuple()
                .addString(entry.actor())
                .addString(entry.action())
                .addString(entry.target())
                .addString(new String(canonical, StandardCharsets.UTF_8))
                .addBuffer(Buffer.buffer(salt))
                .addBuffer(Buffer.buffer(payloadHash));
        return sql.execute(APPEND, arguments).map(rows -> receipt(rows.iterator().next()));
    }

    private static AuditReceipt receipt(Row row) {
        return new AuditReceipt(row.getLong("seq"), row.getBuffer("hash").getBytes());
    }
}
