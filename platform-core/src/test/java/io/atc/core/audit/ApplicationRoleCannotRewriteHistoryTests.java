package io.atc.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.atc.core.tenancy.AppRolePools;
import io.atc.core.tenancy.TenantTransactions;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The service role can append (through audit.append) and tombstone (through audit.tombstone) but
 * cannot insert, update, delete or truncate audit rows or move a head; and even the owner's own
 * statements are stopped by the guard triggers (only disabling them, which the owner can do and the
 * checkpoints expose, gets around them).
 * Breaks when: the service role is granted INSERT/UPDATE/DELETE on audit tables, or the guard
 * triggers are dropped.
 */
class ApplicationRoleCannotRewriteHistoryTests {

    private static TestDatabase database;
    private static Pool pool;
    private static UUID tenant;

    @BeforeAll
    static void tenantWithHistory() {
        database = TestDatabase.shared();
        pool = AppRolePools.open(database, 2);
        tenant = UUID.randomUUID();
        new TenantTransactions(pool).createTenant(tenant, "History Org").await().atMost(Duration.ofSeconds(20));
    }

    @AfterAll
    static void close() {
        pool.closeAndAwait();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "update audit.events set action = 'forged' where seq = 0",
                "update audit.events set payload = null, payload_salt = null, tombstoned_at = now() where seq = 0",
                "delete from audit.events where seq = 0",
                "insert into audit.events select * from audit.events where seq = 0",
                "truncate audit.events",
                "update audit.chain_heads set seq = seq + 1",
                "delete from audit.chain_heads",
                "insert into audit.chain_heads (tenant_id, seq, head_hash, prev_head_hash, updated_at)"
                        + " values ('00000000-0000-0000-0000-000000000001', 0, '\\x00', '\\x00', now())",
                "select audit.entry_hash_v1(gen_random_uuid(), 0, '\\x00', now(), 'a', 'b', 'c', '\\x00')"
            })
    void theServiceRoleCannotTouchAuditTablesDirectly(String statement) throws SQLException {
        try (Connection app = database.connectAsApp()) {
            app.setAutoCommit(false);
            SyntheticOrganisations.bindTenant(app, tenant);
            try (Statement sql = app.createStatement()) {
                assertThatThrownBy(() -> sql.execute(statement)).hasMessageContaining("permission denied");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "update audit.events set hash = sha256(hash) where seq = 0",
                "update audit.events set occurred_at = occurred_at - interval '1 day' where seq = 0",
                "update audit.events set payload = '{\"forged\":true}' where seq = 0",
                "update audit.events set payload = null, payload_salt = null, tombstoned_at = now(), actor = 'x' where seq = 0",
                "delete from audit.events where seq = 0",
                "truncate audit.events cascade",
                "update audit.chain_heads set seq = seq - 1",
                "update audit.chain_heads set head_hash = sha256(head_hash)",
                "delete from audit.chain_heads"
            })
    void evenTheOwnersStatementsAreStoppedByTheGuards(String statement) throws SQLException {
        try (Connection owner = database.connectAsOwner()) {
            owner.setAutoCommit(false);
            SyntheticOrganisations.bindTenant(owner, tenant);
            try (Statement sql = owner.createStatement()) {
                assertThatThrownBy(() -> sql.execute(statement)).hasMessageContaining("audit:");
            } finally {
                owner.rollback();
            }
        }
    }

    @Test
    void theChainIsUnchangedAfterEveryAttempt() throws SQLException {
        List<ChainRows.Row> chain = ChainRows.of(database, tenant);

        assertThat(chain).hasSize(1);
        assertThat(ChainRows.recomputedHash(tenant, chain.get(0)))
                .isEqualTo(chain.get(0).hash());
    }
}
