package io.atc.audit.cli;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import io.atc.audit.verify.ChainHead;
import io.atc.audit.verify.ChainRecord;
import io.atc.audit.verify.ChainVerifier;

/**
 * Reads a chain on one thread while the caller verifies it on another: decoding rows and hashing
 * them take about the same time, so overlapping them nearly doubles the rate. A small bounded
 * queue of batches keeps memory constant however long the chain.
 */
final class PipelinedRead {

    private static final List<ChainRecord> END = List.of();

    private final BlockingQueue<List<ChainRecord>> batches = new ArrayBlockingQueue<>(8);
    private final CompletableFuture<ChainHead> reading;

    private PipelinedRead(JdbcChainReader reader, UUID tenant) {
        this.reading = CompletableFuture.supplyAsync(() -> {
            try {
                return reader.read(tenant, this::put);
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            } finally {
                put(END);
            }
        });
    }

    static PipelinedRead start(JdbcChainReader reader, UUID tenant) {
        return new PipelinedRead(reader, tenant);
    }

    /** Feeds every event to the verifier as it arrives; returns how many there were. */
    long drainInto(ChainVerifier verifier) {
        long count = 0;
        while (true) {
            List<ChainRecord> batch = take();
            if (batch == END) {
                return count;
            }
            batch.forEach(verifier::accept);
            count += batch.size();
        }
    }

    ChainHead head() throws SQLException {
        try {
            return reading.get();
        } catch (ExecutionException e) {
            throw new SQLException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted", e);
        }
    }

    private void put(List<ChainRecord> batch) {
        try {
            batches.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the chain", e);
        }
    }

    private List<ChainRecord> take() {
        try {
            return batches.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while verifying the chain", e);
        }
    }
}
