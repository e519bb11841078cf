package io.atc.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.atc.core.tenancy.TenantBinding;
import io.atc.testkit.postgres.TestDatabase;

/**
 * Fills tenants' audit chains server-side, through audit.append itself (the only write path the
 * service role has), as the service role, one transaction per batch, tenants in parallel.
 *
 * <p>Two things make this fast (measured on 2 cores, docs/benchmarks.md):
 * <ul>
 * <li>Small batches (default 250 per transaction): every append updates the tenant's one head
 * row, and inside one transaction the next append's "select ... for update" of that row walks all
 * the versions the transaction made so far, so an append costs O(batch) (50k per transaction:
 * ~1,000 events/s; 250: ~9,000 events/s).</li>
 * <li>A priming batch per tenant, then ANALYZE, before the bulk: plpgsql caches the plans of
 * audit.append and of the chain_heads guard per session, and plans made while audit.events is
 * nearly empty are sequential scans of it (the guard's {@code exists (select 1 from audit.events
 * ...)}), which makes every later append in that session cost O(rows in audit.events).</li>
 * </ul>
 */
final class ChainFill {

    /**
     * One batch of events for the bound tenant. The payload is given as its RFC 8785 canonical text
     * ({"n":<g>}, no space; jsonb's own ::text would add one) and committed to as
     * SHA-256(salt || that text), exactly what AuditPayloads computes; 16 random salt bytes.
     */
    static final String APPEND_BATCH = """
            select count(*) from (
                select audit.append('key:bench', 'bench.event', 'site:x', e.payload::jsonb, e.salt,
                                    sha256(e.salt || convert_to(e.payload, 'UTF8')))
                  from (select uuid_send(gen_random_uuid()) as salt, '{"n":' || g || '}' as payload
                          from generate_series(?::bigint, ?::bigint) g) e
            ) appended
            """;

    static final int PRIME_EVENTS = 2_000;

    private ChainFill() {}

    /** Appends {"n":1} .. {"n":perTenant} to each tenant's chain. */
    static void fill(TestDatabase database, List<UUID> tenants, int perTenant, int batch, int threads)
            throws Exception {
        int prime = Math.min(PRIME_EVENTS, perTenant);
        for (UUID tenant : tenants) {
            fillTenant(database, tenant, 1, prime, batch);
        }
        analyze(database);
        ExecutorService executor = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, tenants.size())));
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (UUID tenant : tenants) {
                done.add(executor.submit(() -> {
                    fillTenant(database, tenant, prime + 1, perTenant, batch);
                    return null;
                }));
            }
            for (Future<Void> future : done) {
                future.get();
            }
        } finally {
            executor.shutdown();
        }
    }

    static void analyze(TestDatabase database) throws SQLException {
        try (Connection owner = database.connectAsOwner();
                Statement statement = owner.createStatement()) {
            statement.execute("analyze audit.events");
            statement.execute("analyze audit.chain_heads");
        }
    }

    static void vacuumAnalyze(TestDatabase database) throws SQLException {
        try (Connection owner = database.connectAsOwner();
                Statement statement = owner.createStatement()) {
            statement.execute("vacuum (analyze) audit.events");
            statement.execute("vacuum (analyze) audit.chain_heads");
        }
    }

    /** Appends events first..last ({"n":first} .. {"n":last}) to the tenant's chain. */
    private static void fillTenant(TestDatabase database, UUID tenant, long first, long last, int batch)
            throws SQLException {
        try (Connection app = database.connectAsApp()) {
            app.setAutoCommit(false);
            try (PreparedStatement append = app.prepareStatement(APPEND_BATCH)) {
                for (long from = first; from <= last; from += batch) {
                    long to = Math.min(last, from + batch - 1);
                    TenantBinding.bind(app, tenant);
                    append.setLong(1, from);
                    append.setLong(2, to);
                    try (ResultSet rows = append.executeQuery()) {
                        rows.next();
                        if (rows.getLong(1) != to - from + 1) {
                            throw new IllegalStateException(
                                    "appended " + rows.getLong(1) + ", expected " + (to - from + 1));
                        }
                    }
                    app.commit();
                }
            }
        }
    }
}
