package io.atc.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.atc.core.tenancy.Audited;
import io.atc.core.tenancy.ServiceRolePool;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Sixteen concurrent writers, on one tenant and across many, produce chains without gaps or forks:
 * every seq once, each event linked to the one before.
 * Breaks when: append reads "the last event" instead of locking the head row (appends then fork
 * on UNIQUE(tenant_id, prev_hash) or interleave).
 */
class AuditChainConcurrencyTests {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int WRITERS = 16;

    @RegisterExtension
    static final ServiceRolePool SERVICE = new ServiceRolePool(WRITERS);

    @Test
    void sixteenConcurrentWritersOnOneTenantLeaveAGapFreeForkFreeChain() throws Exception {
        UUID tenant = newTenant();
        int perWriter = 25;

        runConcurrently(List.of(tenant), perWriter);

        assertUnbroken(tenant, 1 + WRITERS * perWriter);
    }

    @Test
    void concurrentWritersAcrossManyTenantsKeepEveryChainIntact() throws Exception {
        List<UUID> tenants = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tenants.add(newTenant());
        }
        int perWriter = 10;

        runConcurrently(tenants, perWriter);

        for (UUID tenant : tenants) {
            assertUnbroken(tenant, 1 + (WRITERS * perWriter) / tenants.size());
        }
    }

    private static void runConcurrently(List<UUID> tenants, int perWriter) {
        List<Uni<Void>> writers = new ArrayList<>();
        for (int writer = 0; writer < WRITERS; writer++) {
            UUID tenant = tenants.get(writer % tenants.size());
            String actor = "key:writer-" + writer;
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (int i = 0; i < perWriter; i++) {
                chain = chain.chain(() -> SERVICE.transactions().mutate(tenant, sql -> sql.execute(
                                "insert into tenancy.sites (tenant_id, name) values ($1, $2)",
                                Tuple.of(tenant, actor + "/" + UUID.randomUUID()))
                        .map(rows ->
                                Audited.of((Void) null, AuditEntry.of(actor, "site.created", "site:concurrent")))));
            }
            writers.add(chain);
        }
        Uni.join().all(writers).andFailFast().await().atMost(WAIT);
    }

    private static void assertUnbroken(UUID tenant, int expectedEvents) throws Exception {
        List<ChainRows.Row> chain = ChainRows.of(SERVICE.database(), tenant);
        assertThat(chain).hasSize(expectedEvents);
        for (int i = 0; i < chain.size(); i++) {
            ChainRows.Row row = chain.get(i);
            assertThat(row.seq()).isEqualTo(i);
            assertThat(row.prevHash())
                    .isEqualTo(
                            i == 0
                                    ? AuditRecordHash.GENESIS_PREV
                                    : chain.get(i - 1).hash());
            assertThat(ChainRows.recomputedHash(tenant, row)).isEqualTo(row.hash());
        }
    }

    private static UUID newTenant() {
        UUID tenant = UUID.randomUUID();
        SERVICE.transactions()
                .createTenant(tenant, "Concurrent " + tenant)
                .await()
                .atMost(WAIT);
        return tenant;
    }
}
