package io.atc.retention.holds;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.atc.core.paging.PageCursor;
import io.atc.core.tenancy.TenantSql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * SQL for retention.holds; runs only inside a tenant transaction, and each statement names the tenant too.
 * A hold is active while it is not released and its end, if any, lies ahead: the same test as
 * RetentionPlans applies for the purge and the preview.
 */
@ApplicationScoped
public class HoldRepository {

    private static final String COLUMNS = """
            hold_id, site_id, device_id, reason, set_by, set_at, ends_at, released_at, released_by,
            (released_at is null and (ends_at is null or ends_at > now())) as active
            """;
    private static final String INSERT = "insert into retention.holds (tenant_id, site_id, device_id, reason, set_by,"
            + " ends_at) values ($1, $2, $3, $4, $5, $6) returning " + COLUMNS;
    private static final String PAGE = "select " + COLUMNS + """
              from retention.holds
             where tenant_id = $1
               and ($2 or (released_at is null and (ends_at is null or ends_at > now())))
               and ($3::timestamptz is null or (set_at, hold_id) < ($3, $4))
             order by set_at desc, hold_id desc
             limit $5
            """;
    private static final String ONE =
            "select " + COLUMNS + " from retention.holds where tenant_id = $1 and hold_id = $2";
    private static final String RELEASE = "update retention.holds set released_at = now(), released_by = $3"
            + " where tenant_id = $1 and hold_id = $2 and released_at is null returning " + COLUMNS;

    Uni<Hold> insert(TenantSql sql, HoldDraft draft, String reason, String actor) {
        return sql.execute(INSERT, Tuple.from(new Object[] {
                    sql.tenantId(),
                    draft.siteId(),
                    draft.deviceId(),
                    reason,
                    actor,
                    draft.endsAt() == null ? null : draft.endsAt().withOffsetSameInstant(ZoneOffset.UTC)
                }))
                .map(rows -> Hold.from(rows.iterator().next()));
    }

    Uni<List<Hold>> page(TenantSql sql, boolean includeInactive, PageCursor.Newest after, int limit) {
        return sql.execute(PAGE, Tuple.from(new Object[] {
                    sql.tenantId(),
                    includeInactive,
                    after == null ? null : after.at().atOffset(ZoneOffset.UTC),
                    after == null ? null : after.id(),
                    limit
                }))
                .map(rows -> rows.stream().map(Hold::from).toList());
    }

    Uni<Optional<Hold>> find(TenantSql sql, UUID holdId) {
        return sql.execute(ONE, Tuple.of(sql.tenantId(), holdId)).map(HoldRepository::first);
    }

    /** Empty when the tenant has no such hold or it was already released. */
    Uni<Optional<Hold>> release(TenantSql sql, UUID holdId, String actor) {
        return sql.execute(RELEASE, Tuple.of(sql.tenantId(), holdId, actor)).map(HoldRepository::first);
    }

    private static Optional<Hold> first(RowSet<Row> rows) {
        return rows.iterator().hasNext() ? Optional.of(Hold.from(rows.iterator().next())) : Optional.empty();
    }
}
