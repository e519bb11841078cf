package io.atc.core.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;

/** Reads a tenant's chain straight from the database (JDBC, service role, tenant bound) for assertions. */
final class ChainRows {

    record Row(
            long seq,
            byte[] prevHash,
            byte[] hash,
            OffsetDateTime occurredAt,
            String actor,
            String action,
            String target,
            String payload,
            byte[] salt,
            byte[] payloadHash) {}

    private ChainRows() {}

    static List<Row> of(TestDatabase database, UUID tenant) throws SQLException {
        try (Connection app = database.connectAsApp()) {
            app.setAutoCommit(false);
            SyntheticOrganisations.bindTenant(app, tenant);
            try (PreparedStatement query = app.prepareStatement("""
                    select seq, prev_hash, hash, occurred_at, actor, action, target, payload::text, payload_salt,
                           payload_hash
                      from audit.events order by seq
                    """);
                    ResultSet rows = query.executeQuery()) {
                List<Row> chain = new ArrayList<>();
                while (rows.next()) {
                    chain.add(new Row(
                            rows.getLong(1),
                            rows.getBytes(2),
                            rows.getBytes(3),
                            rows.getObject(4, OffsetDateTime.class),
                            rows.getString(5),
                            rows.getString(6),
                            rows.getString(7),
                            rows.getString(8),
                            rows.getBytes(9),
                            rows.getBytes(10)));
                }
                app.commit();
                return chain;
            }
        }
    }

    static byte[] recomputedHash(UUID tenant, Row row) {
        return AuditRecordHash.v1(
                tenant,
                row.seq(),
                row.prevHash(),
                row.occurredAt().toInstant(),
                row.actor(),
                row.action(),
                row.target(),
                row.payloadHash());
    }
}
