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
final class OwnerTampering {

    private OwnerTampering() {
    }

    static void tamper(UUID tenant, String... statements) throws SQLException {
        try (Connection owner = TestDatabase.shared().connectAsOwner(); Statement sql = owner.createStatement()) {
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
}
