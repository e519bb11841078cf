package io.atc.retention.preview;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import io.atc.core.retention.EffectiveRetention;
import io.atc.core.tenancy.TenantSql;
import io.atc.retention.plan.ExpiredRows;
import io.atc.retention.plan.RetentionPlan;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Counts what a {@link RetentionPlan} lets the purge delete, with the purge's own predicate
 * ({@link ExpiredRows#PREDICATE}), bound the way the purge binds it.
 */
@ApplicationScoped
public class PreviewRepository {

    private static final String EVENTS = "select count(*) as count, coalesce(sum(payload_bytes), 0)::bigint as bytes,"
            + " min(received_at) as oldest, max(received_at) as newest from edge.events where " + ExpiredRows.PREDICATE;
    private static final String IMAGES = "select count(*) as count, coalesce(sum(size_bytes), 0)::bigint as bytes,"
            + " min(received_at) as oldest, max(received_at) as newest from edge.images where " + ExpiredRows.PREDICATE;

    Uni<ExpiringRows> events(TenantSql sql, RetentionPlan plan) {
        return count(
                sql,
                EVENTS,
                ExpiredRows.eventParameters(plan),
                plan.events(),
                plan.eventsCutoff().atOffset(ZoneOffset.UTC));
    }

    Uni<ExpiringRows> images(TenantSql sql, RetentionPlan plan) {
        return count(
                sql,
                IMAGES,
                ExpiredRows.imageParameters(plan),
                plan.images(),
                plan.imagesCutoff().atOffset(ZoneOffset.UTC));
    }

    private static Uni<ExpiringRows> count(
            TenantSql sql, String query, Tuple parameters, EffectiveRetention retention, OffsetDateTime cutoff) {
        return sql.execute(query, parameters).map(rows -> {
            Row row = rows.iterator().next();
            return new ExpiringRows(
                    retention.days(),
                    retention.source().wireName(),
                    cutoff,
                    row.getLong("count"),
                    row.getLong("bytes"),
                    row.getOffsetDateTime("oldest"),
                    row.getOffsetDateTime("newest"));
        });
    }
}
