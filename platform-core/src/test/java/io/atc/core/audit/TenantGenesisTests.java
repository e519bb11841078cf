package io.atc.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.atc.core.tenancy.ServiceRolePool;
import io.atc.testkit.orgs.SyntheticOrganisations;

/**
 * Creating a tenant writes its genesis event (seq 0, previous hash all zeros) and its chain head
 * in the same transaction; a tenant cannot be committed without them.
 * Breaks when: the tenants_have_chain_head constraint trigger is dropped.
 */
class TenantGenesisTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final ServiceRolePool SERVICE = new ServiceRolePool(2);

    @Test
    void aNewTenantStartsWithAVerifiableGenesisEvent() throws Exception {
        UUID tenant = UUID.randomUUID();
        SERVICE.transactions().createTenant(tenant, "Genesis Org").await().atMost(WAIT);

        List<ChainRows.Row> chain = ChainRows.of(SERVICE.database(), tenant);
        assertThat(chain).hasSize(1);
        ChainRows.Row genesis = chain.get(0);
        assertThat(genesis.seq()).isZero();
        assertThat(genesis.prevHash()).isEqualTo(AuditRecordHash.GENESIS_PREV);
        assertThat(genesis.action()).isEqualTo("audit.chain.started");
        assertThat(ChainRows.recomputedHash(tenant, genesis)).isEqualTo(genesis.hash());
        assertThat(AuditPayloads.payloadHash(genesis.salt(), AuditPayloads.canonicalJson(genesis.payload())))
                .isEqualTo(genesis.payloadHash());
    }

    @Test
    void creatingTheSameTenantTwiceFailsAndLeavesTheFirstChainAlone() throws Exception {
        UUID tenant = UUID.randomUUID();
        SERVICE.transactions().createTenant(tenant, "Once").await().atMost(WAIT);

        assertThatThrownBy(() ->
                SERVICE.transactions().createTenant(tenant, "Twice").await().atMost(WAIT));

        assertThat(ChainRows.of(SERVICE.database(), tenant)).hasSize(1);
    }

    @Test
    void aTenantWithoutGenesisCannotBeCommitted() throws SQLException {
        UUID tenant = UUID.randomUUID();
        try (Connection app = SERVICE.database().connectAsApp()) {
            app.setAutoCommit(false);
            SyntheticOrganisations.bindTenant(app, tenant);
            try (PreparedStatement insert =
                    app.prepareStatement("insert into tenancy.tenants (tenant_id, name) values (?, 'headless')")) {
                insert.setObject(1, tenant);
                insert.executeUpdate();
            }
            assertThatThrownBy(app::commit).hasMessageContaining("without the genesis of its audit chain");
        }
    }
}
