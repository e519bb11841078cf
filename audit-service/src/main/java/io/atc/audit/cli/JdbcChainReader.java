package io.atc.audit.cli;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import io.atc.audit.verify.ChainHead;
import io.atc.audit.verify.ChainQueries;
import io.atc.audit.verify.ChainRecord;
import io.atc.core.tenancy.CrossTenantRead;
import io.atc.core.tenancy.TenantBinding;

/**
 * The operator verifier's own read path (plain JDBC, not the service's): tenant ids through the
 * narrow audit.tenant_ids function, then each chain in its own read-only tenant transaction,
 * streamed through a cursor. Every query names its tenant (ChainQueries), so the answer is the
 * same whether the operator runs it as the service role or as a role that bypasses row level
 * security. Public for the chain verification benchmark, which times this read path as it is.
 */
public final class JdbcChainReader {

    private static final String EVENTS = ChainQueries.jdbc(ChainQueries.EVENTS);
    private static final String HEAD = ChainQueries.jdbc(ChainQueries.HEAD);
    private static final String FIRST_FORK = ChainQueries.jdbc(ChainQueries.FIRST_FORK);
    private static final int FETCH = 10_000;
    private static final int BATCH = 2_000;
    private final Connection connection;

    public JdbcChainReader(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
    }

    List<UUID> tenantIds() throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(CrossTenantRead.AUDITED_TENANTS.sql());
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
        }
        connection.commit();
        return ids;
    }

    /** Streams the tenant's events to {@code sink} in batches, then returns its head (null if none). */
    public ChainHead read(UUID tenant, Consumer<List<ChainRecord>> sink) throws SQLException {
        try {
            TenantBinding.bindReadOnly(connection, tenant);
            try (PreparedStatement query = connection.prepareStatement(EVENTS)) {
                query.setObject(1, tenant);
                query.setLong(2, 0);
                query.setLong(3, Long.MAX_VALUE);
                query.setFetchSize(FETCH);
                try (ResultSet rows = query.executeQuery()) {
                    List<ChainRecord> batch = new ArrayList<>(BATCH);
                    while (rows.next()) {
                        batch.add(record(rows));
                        if (batch.size() == BATCH) {
                            sink.accept(batch);
                            batch = new ArrayList<>(BATCH);
                        }
                    }
                    if (!batch.isEmpty()) {
                        sink.accept(batch);
                    }
                }
            }
            return head(tenant);
        } finally {
            connection.rollback();
        }
    }

    /**
     * The first seq that shares its previous hash with an earlier event. Only asked to name a failure:
     * a chain that streamed cleanly (consecutive seqs, every link matching) cannot contain a fork.
     */
    Long firstFork(UUID tenant) throws SQLException {
        try {
            TenantBinding.bindReadOnly(connection, tenant);
            return forkIn(tenant);
        } finally {
            connection.rollback();
        }
    }

    private ChainHead head(UUID tenant) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(HEAD)) {
            query.setObject(1, tenant);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? new ChainHead(rows.getLong(1), rows.getBytes(2)) : null;
            }
        }
    }

    private Long forkIn(UUID tenant) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(FIRST_FORK)) {
            query.setObject(1, tenant);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                long seq = rows.getLong(1);
                return rows.wasNull() ? null : seq;
            }
        }
    }

    private static ChainRecord record(ResultSet rows) throws SQLException {
        return new ChainRecord(
                rows.getLong(1),
                rows.getShort(2),
                rows.getBytes(3),
                rows.getBytes(4),
                instant(rows.getObject(5, OffsetDateTime.class)),
                rows.getString(6),
                rows.getString(7),
                rows.getString(8),
                rows.getString(9),
                rows.getBytes(10),
                rows.getBytes(11),
                instant(rows.getObject(12, OffsetDateTime.class)));
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
