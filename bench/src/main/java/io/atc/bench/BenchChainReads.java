package io.atc.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import java.util.function.Consumer;

import io.atc.audit.cli.JdbcChainReader;
import io.atc.audit.verify.ChainHead;
import io.atc.audit.verify.ChainRecord;

/**
 * The operator verifier's read path ({@link JdbcChainReader}), one record at a time, so the
 * benchmark times the read alone and pre-reads records for an in-memory verifier loop with the
 * verifier's own code rather than a copy of it.
 */
final class BenchChainReads {

    private final JdbcChainReader reader;

    BenchChainReads(Connection connection) throws SQLException {
        this.reader = new JdbcChainReader(connection);
    }

    /** Streams the tenant's chain to {@code sink} exactly as audit-verify reads it; returns the stored head. */
    ChainHead read(UUID tenant, Consumer<ChainRecord> sink) throws SQLException {
        return reader.read(tenant, batch -> batch.forEach(sink));
    }
}
