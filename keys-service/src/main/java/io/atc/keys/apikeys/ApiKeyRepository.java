package io.atc.keys.apikeys;

import java.time.OffsetDateTime;
import java.util.Arrays;
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
 * SQL for keys.api_keys inside a tenant transaction, each statement naming the tenant besides RLS
 * (docs/architecture.md, the request path); it never sees a raw key, only its hash.
 */
@ApplicationScoped
public class ApiKeyRepository {

    private static final String COLUMNS = """
            key_id, prefix, name, scopes, allowed_cidrs::text[] as allowed_cidrs, allowed_origins, expires_at,
            created_at, created_by, revoked_at, rotated_to, last_used_at, host(last_used_from) as last_used_from
            """;
    private static final String INSERT = """
            insert into keys.api_keys (tenant_id, key_id, prefix, fingerprint, secret_hash, name, scopes, allowed_cidrs,
                                       allowed_origins, expires_at, created_by)
            values ($1, $2, $3, $4, $5, $6, $7, $8::text[]::cidr[], $9, $10, $11)
            returning\s""" + COLUMNS;
    private static final String PAGE = "select " + COLUMNS + """
             from keys.api_keys where tenant_id = $3 and ($1::uuid is null or key_id > $1) order by key_id limit $2
            """;
    /** A page of the keys whose unused flag is $4, decided as {@link UnusedKeys} decides it, at $5 with cutoff $6. */
    private static final String FILTERED_PAGE = "select " + COLUMNS + """
             from keys.api_keys
             where tenant_id = $3 and ($1::uuid is null or key_id > $1)
               and $4 = (revoked_at is null and (expires_at is null or expires_at > $5)
                         and coalesce(last_used_at, created_at) < $6)
             order by key_id limit $2
            """;

    private static final String ONE = "select " + COLUMNS + " from keys.api_keys where key_id = $1 and tenant_id = $2";
    private static final String ONE_FOR_UPDATE = ONE + " for update";
    private static final String REVOKE = """
            update keys.api_keys set revoked_at = now() where key_id = $1 and tenant_id = $2 and revoked_at is null
            returning\s""" + COLUMNS;
    private static final String RETIRE = """
            update keys.api_keys
               set rotated_to = $2,
                   revoked_at = case when $3 = 0 then now() else revoked_at end,
                   expires_at = case when $3 = 0 then expires_at
                                     else least(coalesce(expires_at, 'infinity'), now() + make_interval(secs => $3)) end
             where key_id = $1 and tenant_id = $4
            returning\s""" + COLUMNS;

    Uni<ApiKeyView> insert(TenantSql sql, NewKeyRow row) {
        return sql.execute(
                        INSERT,
                        Tuple.tuple()
                                .addUUID(sql.tenantId())
                                .addUUID(row.keyId())
                                .addString(row.prefix())
                                .addString(row.fingerprint())
                                .addString(row.secretHash())
                                .addString(row.name())
                                .addArrayOfString(row.scopes().toArray(String[]::new))
                                .addArrayOfString(row.allowedCidrs().toArray(String[]::new))
                                .addArrayOfString(row.allowedOrigins().toArray(String[]::new))
                                .addOffsetDateTime(row.expiresAt())
                                .addString(row.createdBy()))
                .map(rows -> view(rows.iterator().next()));
    }

    Uni<List<ApiKeyView>> page(TenantSql sql, UUID after, int limit) {
        return sql.execute(PAGE, Tuple.of(after, limit, sql.tenantId()))
                .map(rows -> rows.stream().map(ApiKeyRepository::view).toList());
    }

    /** Only the keys whose {@link ApiKeyView#unused()} flag is {@code unused} at {@code at}. */
    Uni<List<ApiKeyView>> page(TenantSql sql, UUID after, int limit, UnusedKeys.Filter filter) {
        return sql.execute(
                        FILTERED_PAGE,
                        Tuple.tuple()
                                .addUUID(after)
                                .addInteger(limit)
                                .addUUID(sql.tenantId())
                                .addBoolean(filter.unused())
                                .addOffsetDateTime(filter.at())
                                .addOffsetDateTime(filter.cutoff()))
                .map(rows -> rows.stream().map(ApiKeyRepository::view).toList());
    }

    Uni<Optional<ApiKeyView>> find(TenantSql sql, UUID keyId) {
        return sql.execute(ONE, Tuple.of(keyId, sql.tenantId())).map(ApiKeyRepository::first);
    }

    Uni<Optional<ApiKeyView>> lock(TenantSql sql, UUID keyId) {
        return sql.execute(ONE_FOR_UPDATE, Tuple.of(keyId, sql.tenantId())).map(ApiKeyRepository::first);
    }

    Uni<Optional<ApiKeyView>> revoke(TenantSql sql, UUID keyId) {
        return sql.execute(REVOKE, Tuple.of(keyId, sql.tenantId())).map(ApiKeyRepository::first);
    }

    Uni<ApiKeyView> retire(TenantSql sql, UUID keyId, UUID successor, long graceSeconds) {
        return sql.execute(RETIRE, Tuple.of(keyId, successor, graceSeconds, sql.tenantId()))
                .map(rows -> view(rows.iterator().next()));
    }

    static ApiKeyView view(Row row) {
        OffsetDateTime expiresAt = row.getOffsetDateTime("expires_at");
        OffsetDateTime revokedAt = row.getOffsetDateTime("revoked_at");
        return new ApiKeyView(
                row.getUUID("key_id"),
                row.getString("prefix"),
                row.getString("name"),
                Arrays.asList(row.getArrayOfStrings("scopes")),
                Arrays.asList(row.getArrayOfStrings("allowed_cidrs")),
                Arrays.asList(row.getArrayOfStrings("allowed_origins")),
                expiresAt,
                KeyStatus.of(revokedAt, expiresAt).label(),
                row.getOffsetDateTime("created_at"),
                row.getString("created_by"),
                revokedAt,
                row.getUUID("rotated_to"),
                row.getOffsetDateTime("last_used_at"),
                row.getString("last_used_from"),
                false);
    }

    private static Optional<ApiKeyView> first(RowSet<Row> rows) {
        return rows.iterator().hasNext() ? Optional.of(view(rows.iterator().next())) : Optional.empty();
    }
}
