package io.atc.core.tenancy;

import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The statements of one tenant transaction. Only {@link TenantTransactions} creates it, so
 * holding one means the transaction is open and bound to {@link #tenantId()}.
 */
public final class TenantSql {

    private final SqlConnection connection;
    private final UUID tenantId;

    TenantSql(SqlConnection connection, UUID tenantId) {
        this.connection = connection;
        this.tenantId = tenantId;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public Uni<RowSet<Row>> execute(String sql, Tuple parameters) {
        return connection.preparedQuery(sql).execute(parameters);
    }

    public Uni<RowSet<Row>> execute(String sql) {
        return connection.preparedQuery(sql).execute();
    }
}
