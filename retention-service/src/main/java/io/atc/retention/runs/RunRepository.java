package io.atc.retention.runs;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.atc.core.paging.PageCursor;
import io.atc.core.tenancy.TenantSql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads retention.runs inside a tenant transaction, newest first along the runs_by_start index. */
@ApplicationScoped
public class RunRepository {

    private static final String COLUMNS = """
            run_id, kind, site_id, device_id, status, started_at, finished_at, events_deleted, event_bytes,
            images_deleted, image_bytes, ids_digest, events_cutoff, images_cutoff, audit_seq, reason, requested_by
            """;
    private static final String PAGE = "select " + COLUMNS + """
              from retention.runs
             where tenant_id = $1
               and ($2::uuid is null or site_id = $2)
               and ($3::timestamptz is null or (started_at, run_id) < ($3, $4))
             order by started_at desc, run_id desc
             limit $5
            """;
    private static final String ONE = "select " + COLUMNS + " from retention.runs where tenant_id = $1 and run_id = $2";

    Uni<List<Run>> page(TenantSql sql, UUID siteId, PageCursor.Newest after, int limit) {
        return sql.execute(PAGE, Tuple.from(new Object[] {
                    sql.tenantId(),
                    siteId,
                    after == null ? null : after.at().atOffset(ZoneOffset.UTC),
                    after == null ? null : after.id(),
                    limit
                }))
                .map(rows -> rows.stream().map(Run::from).toList());
    }

    Uni<Optional<Run>> find(TenantSql sql, UUID runId) {
        return sql.execute(ONE, Tuple.of(sql.tenantId(), runId))
                .map(rows -> rows.iterator().hasNext()
                        ? Optional.of(Run.from(rows.iterator().next()))
                        : Optional.empty());
    }
}
