package io.atc.core.tenancy;

import java.util.UUID;

import io.smallrye.mutiny.Multi;
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

    /** Streams a large result through a server-side cursor, {@code fetchSize} rows at a time. */
    public Multi<Row> stream(String sql, Tuple parameters, int fetchSize) {
        return connection.prepare(sql).onItem().transformToMulti(statement -> statement
                .createStream(fetchSize, parameters)
                .toMulti());
    }
}
