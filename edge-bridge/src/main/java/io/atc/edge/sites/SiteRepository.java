package io.atc.edge.sites;

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
 * SQL for tenancy.sites; runs only inside a tenant transaction, so RLS scopes every statement, and
 * each statement names the tenant too (docs/architecture.md, the request path).
 */
@ApplicationScoped
public class SiteRepository {

    private static final String INSERT = """
            insert into tenancy.sites (tenant_id, name) values ($1, $2)
            returning site_id, name, created_at
            """;
    private static final String PAGE = """
            select site_id, name, created_at from tenancy.sites
             where tenant_id = $3 and ($1::uuid is null or site_id > $1)
             order by site_id
             limit $2
            """;
    private static final String ONE =
            "select site_id, name, created_at from tenancy.sites where site_id = $1 and tenant_id = $2";
    private static final String RENAME = """
            update tenancy.sites set name = $2 where site_id = $1 and tenant_id = $3
            returning site_id, name, created_at
            """;
    private static final String DELETE = "delete from tenancy.sites where site_id = $1 and tenant_id = $2";

    Uni<Site> insert(TenantSql sql, String name) {
        return sql.execute(INSERT, Tuple.of(sql.tenantId(), name))
                .map(rows -> Site.from(rows.iterator().next()));
    }

    Uni<List<Site>> page(TenantSql sql, UUID after, int limit) {
        return sql.execute(PAGE, Tuple.of(after, limit, sql.tenantId()))
                .map(rows -> rows.stream().map(Site::from).toList());
    }

    Uni<Optional<Site>> find(TenantSql sql, UUID siteId) {
        return sql.execute(ONE, Tuple.of(siteId, sql.tenantId())).map(SiteRepository::first);
    }

    Uni<Optional<Site>> rename(TenantSql sql, UUID siteId, String name) {
        return sql.execute(RENAME, Tuple.of(siteId, name, sql.tenantId())).map(SiteRepository::first);
    }

    Uni<Boolean> delete(TenantSql sql, UUID siteId) {
        return sql.execute(DELETE, Tuple.of(siteId, sql.tenantId())).map(rows -> rows.rowCount() == 1);
    }

    private static Optional<Site> first(RowSet<Row> rows) {
        return rows.iterator().hasNext() ? Optional.of(Site.from(rows.iterator().next())) : Optional.empty();
    }
}
