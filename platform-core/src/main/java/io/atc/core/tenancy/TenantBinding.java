package io.atc.core.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The one home of the statement that binds a transaction to a tenant: the transaction-local
 * setting atc.tenant_id, which every table's row level security policy compares with its
 * tenant_id. Transaction-local, so a pooled connection never carries it into the next transaction.
 * Services bind only through {@link TenantTransactions}; the JDBC and raw-connection forms here are
 * for the tools that run outside a service (the operator's audit-verify, the benchmarks).
 */
public final class TenantBinding {

    /** The setting, as an expression over {@code $1} (the tenant id as text) whose value is {@code $1}. */
    static final String SET_TENANT = "set_config('atc.tenant_id', $1, true)";

    static final String BIND = "select " + SET_TENANT;
    static final String BIND_READ_ONLY = BIND + ", set_config('transaction_read_only', 'on', true)";

    private static final String JDBC_BIND = "select set_config('atc.tenant_id', ?, true)";
    private static final String JDBC_BIND_READ_ONLY = JDBC_BIND + ", set_config('transaction_read_only', 'on', true)";

    private TenantBinding() {}

    /** Binds the open transaction of a raw reactive connection to the tenant (a benchmark's baseline). */
    public static Uni<RowSet<Row>> bind(SqlConnection connection, UUID tenantId) {
        return connection.preparedQuery(BIND).execute(Tuple.of(tenantId.toString()));
    }

    /** Binds the open transaction of a JDBC connection (auto-commit off) to the tenant. */
    public static void bind(Connection connection, UUID tenantId) throws SQLException {
        execute(connection, JDBC_BIND, tenantId);
    }

    /** As {@link #bind(Connection, UUID)}, and makes the transaction read-only: Postgres rejects any write in it. */
    public static void bindReadOnly(Connection connection, UUID tenantId) throws SQLException {
        execute(connection, JDBC_BIND_READ_ONLY, tenantId);
    }

    private static void execute(Connection connection, String binding, UUID tenantId) throws SQLException {
        try (PreparedStatement bind = connection.prepareStatement(binding)) {
            bind.setString(1, tenantId.toString());
            bind.execute();
        }
    }
}
