package io.atc.retention.deletion;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.atc.core.tenancy.TenantSql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/** SQL for retention.runs; runs only inside a tenant transaction and names its tenant in every statement. */
@ApplicationScoped
public class RunRepository {

    private static final String COLUMNS = """
            run_id, kind, site_id, device_id, started_at, events_cutoff, images_cutoff, ids_digest,
            events_deleted, event_bytes, images_deleted, image_bytes
            """;

    private static final String INSERT = """
            insert into retention.runs (tenant_id, run_id, kind, site_id, device_id, reason, requested_by,
                                        events_cutoff, images_cutoff, started_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            returning\s""" + COLUMNS;

    private static final String RUNNING = "select " + COLUMNS
            + " from retention.runs where tenant_id = $1 and status = 'running' order by started_at, run_id";

    private static final String RUNNING_ONE =
            "select " + COLUMNS + " from retention.runs where tenant_id = $1 and run_id = $2 and status = 'running'";

    private static final String FINISH = """
            update retention.runs set status = $3, finished_at = now()
             where tenant_id = $1 and run_id = $2 and status = 'running'
            returning\s""" + COLUMNS;

    private static final String RECORD_AUDIT_SEQ =
            "update retention.runs set audit_seq = $3 where tenant_id = $1 and run_id = $2";

    public Uni<Run> insert(TenantSql sql, NewRun run) {
        return sql.execute(
                        INSERT,
                        Tuple.tuple()
                                .addUUID(sql.tenantId())
                                .addUUID(run.runId())
                                .addString(run.kind().column())
                                .addUUID(run.siteId())
                                .addUUID(run.deviceId())
                                .addString(run.reason())
                                .addString(run.requestedBy())
                                .addOffsetDateTime(utc(run.eventsCutoff()))
                                .addOffsetDateTime(utc(run.imagesCutoff()))
                                .addOffsetDateTime(utc(run.startedAt())))
                .map(rows -> run(sql.tenantId(), rows.iterator().next()));
    }

    public Uni<List<Run>> running(TenantSql sql) {
        return sql.execute(RUNNING, Tuple.of(sql.tenantId())).map(rows -> {
            List<Run> runs = new ArrayList<>();
            rows.forEach(row -> runs.add(run(sql.tenantId(), row)));
            return runs;
        });
    }

    public Uni<Optional<Run>> running(TenantSql sql, UUID runId) {
        return sql.execute(RUNNING_ONE, Tuple.of(sql.tenantId(), runId))
                .map(rows -> rows.rowCount() == 0
                        ? Optional.empty()
                        : Optional.of(run(sql.tenantId(), rows.iterator().next())));
    }

    /** Marks the run ended; fails if it already was (another replica, or an earlier attempt, ended it). */
    public Uni<RunSummary> finish(TenantSql sql, UUID runId, String status) {
        return sql.execute(FINISH, Tuple.of(sql.tenantId(), runId, status)).map(rows -> {
            if (rows.rowCount() == 0) {
                throw new IllegalStateException("run " + runId + " is no longer running");
            }
            return summary(sql.tenantId(), rows.iterator().next());
        });
    }

    public Uni<Void> recordAuditSeq(TenantSql sql, UUID runId, long seq) {
        return sql.execute(RECORD_AUDIT_SEQ, Tuple.of(sql.tenantId(), runId, seq))
                .replaceWithVoid();
    }

    /** Adds a batch to the run's counts and digest; fails if the run moved on meanwhile (its digest is no longer {@code previous}). */
    public Uni<Void> addBatch(
            TenantSql sql, StoredTable table, UUID runId, long rows, long bytes, byte[] previous, byte[] digest) {
        String counts = table == StoredTable.EVENTS
                ? "events_deleted = events_deleted + $3, event_bytes = event_bytes + $4"
                : "images_deleted = images_deleted + $3, image_bytes = image_bytes + $4";
        return sql.execute(
                        "update retention.runs set " + counts + ", ids_digest = $5"
                                + " where tenant_id = $1 and run_id = $2 and ids_digest = $6 and status = 'running'",
                        Tuple.tuple()
                                .addUUID(sql.tenantId())
                                .addUUID(runId)
                                .addLong(rows)
                                .addLong(bytes)
                                .addBuffer(Buffer.buffer(digest))
                                .addBuffer(Buffer.buffer(previous)))
                .map(updated -> requireOne(updated, runId));
    }

    private static Void requireOne(RowSet<Row> updated, UUID runId) {
        if (updated.rowCount() != 1) {
            throw new IllegalStateException("run " + runId + " moved on under this batch");
        }
        return null;
    }

    private static Run run(UUID tenantId, Row row) {
        return new Run(
                tenantId,
                row.getUUID("run_id"),
                RunKind.ofColumn(row.getString("kind")),
                row.getUUID("site_id"),
                row.getUUID("device_id"),
                instant(row, "started_at"),
                instant(row, "events_cutoff"),
                instant(row, "images_cutoff"),
                row.getBuffer("ids_digest").getBytes());
    }

    private static RunSummary summary(UUID tenantId, Row row) {
        return new RunSummary(
                tenantId,
                row.getUUID("run_id"),
                RunKind.ofColumn(row.getString("kind")),
                row.getUUID("site_id"),
                row.getUUID("device_id"),
                instant(row, "events_cutoff"),
                instant(row, "images_cutoff"),
                row.getLong("events_deleted"),
                row.getLong("event_bytes"),
                row.getLong("images_deleted"),
                row.getLong("image_bytes"),
                row.getBuffer("ids_digest").getBytes());
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
