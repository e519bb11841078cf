package io.atc.retention.deletion;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.atc.core.audit.RowIdsDigest;
import io.atc.core.tenancy.TenantSql;
import io.atc.core.tenancy.TenantTransactions;
import io.atc.retention.config.RetentionConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Deletes a run's rows in short transactions under the tenant's binding, never one long one: each
 * takes at most the configured batch size, oldest received first, waits at most the lock timeout,
 * and in the same transaction lowers the sites' storage
 * counters by exactly what it deleted, queues the deleted images' blobs (retention.blob_deletions)
 * and adds its counts and ids to the run's row. Whatever commits is therefore recorded exactly, and a
 * crash loses at most the batch that did not commit. Events first, then images.
 * <p>No {@code for update skip locked}: it needs UPDATE on the tables, which the retention role does
 * not hold (it may only select and delete). Nothing else locks stored rows but another deletion (an
 * erasure beside a purge); the delete then waits for it, finds the row gone and skips it, and only
 * what it deleted is counted.
 */
@ApplicationScoped
public class BatchedDeletion {

    private static final Logger LOG = Logger.getLogger(BatchedDeletion.class);

    /**
     * The timers behind {@code delayIt} refuse a delay under a millisecond (the purge's round then failed);
     * a shorter pause is not taken, and the pace's schedule carries it into the next one.
     */
    private static final Duration SHORTEST_PAUSE = Duration.ofMillis(1);

    private static final String LOCK_TIMEOUT = "select set_config('lock_timeout', $1, true)";

    /** %1$s the predicate, %2$d the parameter of the batch size. */
    private static final String DELETE_EVENTS = """
            with doomed as (
                select tenant_id, device_id, event_id from edge.events
                 where %1$s
                 order by received_at
                 limit $%2$d
            ), deleted as (
                delete from edge.events e using doomed
                 where e.tenant_id = doomed.tenant_id and e.device_id = doomed.device_id
                   and e.event_id = doomed.event_id
                returning e.site_id, e.device_id, e.event_id as id, e.payload_bytes::bigint as bytes
            ), per_site as (
                select site_id, count(*) as n, sum(bytes) as b from deleted group by site_id
            ), storage as (
                update edge.site_storage s
                   set event_count = s.event_count - p.n, event_bytes = s.event_bytes - p.b, updated_at = now()
                  from per_site p
                 where s.tenant_id = $1 and s.site_id = p.site_id
            )
            select device_id, id, bytes from deleted
            """;

    /** As {@link #DELETE_EVENTS}; %3$d the parameter of the run id, whose blob deletions are queued. */
    private static final String DELETE_IMAGES = """
            with doomed as (
                select tenant_id, device_id, image_id from edge.images
                 where %1$s
                 order by received_at
                 limit $%2$d
            ), deleted as (
                delete from edge.images i using doomed
                 where i.tenant_id = doomed.tenant_id and i.device_id = doomed.device_id
                   and i.image_id = doomed.image_id
                returning i.site_id, i.device_id, i.image_id as id, i.size_bytes as bytes, i.blob_key
            ), per_site as (
                select site_id, count(*) as n, sum(bytes) as b from deleted group by site_id
            ), storage as (
                update edge.site_storage s
                   set image_count = s.image_count - p.n, image_bytes = s.image_bytes - p.b, updated_at = now()
                  from per_site p
                 where s.tenant_id = $1 and s.site_id = p.site_id
            ), queued as (
                insert into retention.blob_deletions (tenant_id, blob_key, run_id)
                select $1, blob_key, $%3$d::uuid from deleted
                on conflict (tenant_id, blob_key) do nothing
            )
            select device_id, id, bytes from deleted
            """;

    private final TenantTransactions transactions;
    private final RunRepository runs;
    private final RetentionConfig.Purge config;
    private final MeterRegistry meters;

    public BatchedDeletion(
            TenantTransactions transactions, RunRepository runs, RetentionConfig config, MeterRegistry meters) {
        this.transactions = transactions;
        this.runs = runs;
        this.config = config.purge();
        this.meters = meters;
    }

    /**
     * Deletes until nothing in scope is left (or a hold stops it), waiting after each transaction as
     * long as {@code pace} says; the run with the digest of all it deleted.
     */
    public Uni<Run> deleteAll(Run run, RowsInScope scope, BatchPace pace) {
        return drain(run, scope, StoredTable.EVENTS, pace)
                .flatMap(afterEvents -> drain(afterEvents, scope, StoredTable.IMAGES, pace));
    }

    private Uni<Run> drain(Run run, RowsInScope scope, StoredTable table, BatchPace pace) {
        return batch(run, scope, table).flatMap(batch -> {
            Run next = run.withDigest(batch.digest());
            if (batch.rows() > 0) {
                meters.counter(
                                "atc.retention.rows.deleted",
                                "table",
                                table.name().toLowerCase(),
                                "kind",
                                run.kind().column())
                        .increment(batch.rows());
            }
            Duration pause = pace.pauseAfter(batch.rows());
            Uni<Run> paced = pause.compareTo(SHORTEST_PAUSE) < 0
                    ? Uni.createFrom().item(next)
                    : Uni.createFrom().item(next).onItem().delayIt().by(pause);
            return batch.rows() < config.batchSize() ? paced : paced.flatMap(done -> drain(done, scope, table, pace));
        });
    }

    private record Batch(int rows, byte[] digest) {}

    private Uni<Batch> batch(Run run, RowsInScope scope, StoredTable table) {
        return transactions.stepOfAuditedOperation(run.tenantId(), sql -> sql.execute(
                        LOCK_TIMEOUT, Tuple.of(config.lockTimeout().toMillis() + "ms"))
                .flatMap(set -> scope.select(sql, table))
                .flatMap(selection -> selection.isEmpty()
                        ? Uni.createFrom().item(new Batch(0, run.idsDigest()))
                        : delete(sql, run, table, selection.get())));
    }

    private Uni<Batch> delete(TenantSql sql, Run run, StoredTable table, Selection selection) {
        Tuple parameters = Tuple.tuple();
        for (int i = 0; i < selection.parameters().size(); i++) {
            parameters.addValue(selection.parameters().getValue(i));
        }
        int limit = parameters.size() + 1;
        parameters.addInteger(config.batchSize());
        String statement;
        if (table == StoredTable.EVENTS) {
            statement = DELETE_EVENTS.formatted(selection.predicate(), limit);
        } else {
            parameters.addUUID(run.runId());
            statement = DELETE_IMAGES.formatted(selection.predicate(), limit, limit + 1);
        }
        return sql.execute(statement, parameters).flatMap(deleted -> record(sql, run, table, deleted));
    }

    private Uni<Batch> record(TenantSql sql, Run run, StoredTable table, RowSet<Row> deleted) {
        if (deleted.rowCount() == 0) {
            return Uni.createFrom().item(new Batch(0, run.idsDigest()));
        }
        List<RowIdsDigest.RowId> ids = new ArrayList<>(deleted.rowCount());
        long bytes = 0;
        for (Row row : deleted) {
            ids.add(new RowIdsDigest.RowId(row.getUUID("device_id"), row.getUUID("id")));
            bytes += row.getLong("bytes");
        }
        byte[] digest = RowIdsDigest.chain(run.idsDigest(), ids);
        LOG.debugf("run %s deleted %d %s", run.runId(), ids.size(), table.name().toLowerCase());
        return runs.addBatch(sql, table, run.runId(), ids.size(), bytes, run.idsDigest(), digest)
                .map(done -> new Batch(ids.size(), digest));
    }
}
