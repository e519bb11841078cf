package io.atc.edge.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.atc.core.tenancy.TenantSql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * SQL reading edge.events inside a tenant transaction; each statement names the tenant too. A page is
 * one range scan of events_by_site_occurred_desc (V16): the statement holds only the conditions the
 * request has, so the position after which a page starts is an index condition rather than a filter
 * that a generic plan of an "is null or" form would leave to every row since the newest.
 */
@ApplicationScoped
public class EventRepository {

    private static final String SITE_EXISTS =
            "select exists (select 1 from tenancy.sites where site_id = $1 and tenant_id = $2)";
    private static final String ONE = "select " + EventView.COLUMNS + " from edge.events"
            + " where tenant_id = $1 and site_id = $2 and device_id = $3 and event_id = $4";
    private static final String ORDER = " order by occurred_at desc, device_id desc, event_id desc";

    Uni<Boolean> siteExists(TenantSql sql, UUID siteId) {
        return sql.execute(SITE_EXISTS, Tuple.of(siteId, sql.tenantId()))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    Uni<List<EventView>> page(TenantSql sql, UUID siteId, EventFilter filter, EventPosition after, int limit) {
        PageQuery query = PageQuery.of(sql.tenantId(), siteId, filter, after, limit);
        return sql.execute(query.sql(), query.parameters())
                .map(rows -> rows.stream().map(EventView::from).toList());
    }

    Uni<Optional<EventView>> find(TenantSql sql, UUID siteId, UUID deviceId, UUID eventId) {
        return sql.execute(ONE, Tuple.of(sql.tenantId(), siteId, deviceId, eventId))
                .map(EventRepository::first);
    }

    private static Optional<EventView> first(RowSet<Row> rows) {
        return rows.iterator().hasNext()
                ? Optional.of(EventView.from(rows.iterator().next()))
                : Optional.empty();
    }

    /** One page's statement: fixed text for each condition present, every value a bind parameter. */
    record PageQuery(String sql, Tuple parameters) {

        static PageQuery of(UUID tenantId, UUID siteId, EventFilter filter, EventPosition after, int limit) {
            List<Object> values = new ArrayList<>(List.of(tenantId, siteId));
            StringBuilder sql = new StringBuilder("select ")
                    .append(EventView.COLUMNS)
                    .append(" from edge.events where tenant_id = $1 and site_id = $2");
            if (filter.from() != null) {
                sql.append(" and occurred_at >= ").append(bind(values, filter.from()));
            }
            if (filter.to() != null) {
                sql.append(" and occurred_at < ").append(bind(values, filter.to()));
            }
            if (filter.deviceId() != null) {
                sql.append(" and device_id = ").append(bind(values, filter.deviceId()));
            }
            if (filter.type() != null) {
                sql.append(" and type = ").append(bind(values, filter.type()));
            }
            if (after != null) {
                sql.append(" and (occurred_at, device_id, event_id) < (")
                        .append(bind(values, after.occurredAt()))
                        .append(", ")
                        .append(bind(values, after.deviceId()))
                        .append(", ")
                        .append(bind(values, after.eventId()))
                        .append(")");
            }
            sql.append(ORDER).append(" limit ").append(bind(values, limit));
            return new PageQuery(sql.toString(), Tuple.from(values));
        }

        private static String bind(List<Object> values, Object value) {
            values.add(value);
            return "$" + values.size();
        }
    }
}
