package io.atc.audit.verify;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;

/**
 * What an attacker holding the owner role can do in SQL: switch the guard triggers off, rewrite
 * rows of a tenant's chain, switch them back on, commit.
 */
public final class OwnerTampering {

    private OwnerTampering() {}

    static void tamper(UUID tenant, String... statements) throws SQLException {
        tamper(TestDatabase.shared(), tenant, statements);
    }

    public static void tamper(TestDatabase database, UUID tenant, String... statements) throws SQLException {
        try (Connection owner = database.connectAsOwner();
                Statement sql = owner.createStatement()) {
            owner.setAutoCommit(false);
            SyntheticOrganisations.bindTenant(owner, tenant);
            sql.execute("alter table audit.events disable trigger user");
            sql.execute("alter table audit.chain_heads disable trigger user");
            for (String statement : statements) {
                sql.execute(statement);
            }
            sql.execute("alter table audit.events enable trigger user");
            sql.execute("alter table audit.chain_heads enable trigger user");
            owner.commit();
        }
    }

    /** Deletes every event after {@code seq} and moves the head back to it: a rewind the database cannot reveal. */
    public static void rewind(TestDatabase database, UUID tenant, long seq) throws SQLException {
        tamper(
                database,
                tenant,
                "delete from audit.events where tenant_id = '" + tenant + "' and seq > " + seq,
                "update audit.chain_heads h set seq = e.seq, head_hash = e.hash from audit.events e"
                        + " where h.tenant_id = '" + tenant + "' and e.tenant_id = h.tenant_id and e.seq = " + seq);
    }
}
