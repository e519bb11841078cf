package io.atc.audit.cli;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import java.util.function.Consumer;

import io.atc.audit.verify.ChainHead;
import io.atc.audit.verify.ChainRecord;

/**
 * BENCHMARK ONLY (module bench): opens the operator verifier's package-private read path
 * ({@link JdbcChainReader}) so the benchmark can time the read alone and pre-read records for an
 * in-memory verifier loop, with the verifier's own code rather than a copy of it.
 */
public final class BenchChainReads {

    private final JdbcChainReader reader;

    public BenchChainReads(Connection connection) throws SQLException {
        this.reader = new JdbcChainReader(connection);
    }

    /** Streams the tenant's chain to {@code sink} exactly as audit-verify reads it; returns the stored head. */
    public ChainHead read(UUID tenant, Consumer<ChainRecord> sink) throws SQLException {
        return reader.read(tenant, batch -> batch.forEach(sink));
    }
}
