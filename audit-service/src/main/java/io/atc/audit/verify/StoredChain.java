package io.atc.audit.verify;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import io.atc.core.tenancy.TenantSql;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads the bound tenant's chain as stored: events in seq order, the head, and any fork (ChainQueries). */
public final class StoredChain {

    private static final String PAGE_FROM = "select " + ChainQueries.EVENT_COLUMNS + """
             from audit.events
             where tenant_id = $1 and seq >= $2
            """;
    private static final String PAGE_ORDER = " order by seq limit $3";
    private static final String PAGE = PAGE_FROM + PAGE_ORDER;
    /** The number of the first parameter {@link Conditions} may use: $1-$3 are the page's own. */
    public static final int FIRST_CONDITION_PARAMETER = 4;

    private static final int FETCH = 5000;

    private StoredChain() {}

    public static Multi<ChainRecord> events(TenantSql sql, long fromSeq, long toSeq) {
        return sql.stream(ChainQueries.EVENTS, Tuple.of(sql.tenantId(), fromSeq, toSeq), FETCH)
                .map(StoredChain::record);
    }

    /** At most {@code limit} events from {@code fromSeq} on, without a cursor. */
    public static Uni<List<ChainRecord>> page(TenantSql sql, long fromSeq, int limit) {
        return sql.execute(PAGE, Tuple.of(sql.tenantId(), fromSeq, limit))
                .map(rows -> rows.stream().map(StoredChain::record).toList());
    }

    /**
     * At most {@code limit} events from {@code fromSeq} on that also meet {@code conditions}: SQL fixed by
     * the caller over parameters from {@link #FIRST_CONDITION_PARAMETER} on, never over request text.
     */
    public static Uni<List<ChainRecord>> page(TenantSql sql, long fromSeq, int limit, Conditions conditions) {
        if (conditions.where().isEmpty()) {
            return page(sql, fromSeq, limit);
        }
        Tuple parameters = Tuple.of(sql.tenantId(), fromSeq, limit);
        conditions.values().forEach(parameters::addValue);
        return sql.execute(PAGE_FROM + " and " + String.join(" and ", conditions.where()) + PAGE_ORDER, parameters)
                .map(rows -> rows.stream().map(StoredChain::record).toList());
    }

    /** Extra conditions of a page: SQL fragments joined with AND, and the values of their parameters. */
    public record Conditions(List<String> where, List<Object> values) {
        public Conditions {
            where = List.copyOf(where);
            values = List.copyOf(values);
        }
    }

    public static Uni<ChainHead> head(TenantSql sql) {
        return sql.execute(ChainQueries.HEAD, Tuple.of(sql.tenantId()))
                .map(rows -> rows.iterator().hasNext() ? head(rows.iterator().next()) : null);
    }

    public static Uni<Long> firstFork(TenantSql sql) {
        return sql.execute(ChainQueries.FIRST_FORK, Tuple.of(sql.tenantId()))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    static ChainRecord record(Row row) {
        return new ChainRecord(
                row.getLong("seq"),
                row.getShort("version"),
                bytes(row, "prev_hash"),
                bytes(row, "hash"),
                instant(row.getOffsetDateTime("occurred_at")),
                row.getString("actor"),
                row.getString("action"),
                row.getString("target"),
                row.getString("payload"),
                bytes(row, "payload_salt"),
                bytes(row, "payload_hash"),
                instant(row.getOffsetDateTime("tombstoned_at")));
    }

    private static ChainHead head(Row row) {
        return new ChainHead(row.getLong("seq"), bytes(row, "head_hash"));
    }

    private static byte[] bytes(Row row, String column) {
        Buffer value = row.getBuffer(column);
        return value == null ? null : value.getBytes();
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
