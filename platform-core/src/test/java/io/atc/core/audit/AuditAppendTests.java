package io.atc.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.atc.core.tenancy.Audited;
import io.atc.core.tenancy.ServiceRolePool;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;

/**
 * A mutation appends exactly one event to its tenant's chain, in its own transaction: linked to
 * the previous head, hashed by the database exactly as the independent Java encoding hashes it,
 * with a salted payload commitment. A failed mutation leaves no event; a read cannot write.
 */
class AuditAppendTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final ServiceRolePool SERVICE = new ServiceRolePool(4);

    @Test
    void aMutationAppendsExactlyOneEventLinkedToThePreviousHead() throws Exception {
        UUID tenant = newTenant();
        List<ChainRows.Row> before = ChainRows.of(SERVICE.database(), tenant);

        renameEverySite(tenant, "key:k1", Map.of("name", "Quay", "count", 2, "tags", List.of("a", "b")));

        List<ChainRows.Row> after = ChainRows.of(SERVICE.database(), tenant);
        assertThat(after).hasSize(before.size() + 1);
        ChainRows.Row appended = after.get(after.size() - 1);
        assertThat(appended.seq()).isEqualTo(before.get(before.size() - 1).seq() + 1);
        assertThat(appended.prevHash()).isEqualTo(before.get(before.size() - 1).hash());
        assertThat(appended.actor()).isEqualTo("key:k1");
        assertThat(appended.action()).isEqualTo("test.renamed");
    }

    @Test
    void theDatabaseWriterAndTheJavaEncodingHashEveryEventAlike() throws Exception {
        UUID tenant = newTenant();
        renameEverySite(tenant, "user:ünïcødé", Map.of("note", "line\nbreak \"quoted\" €", "n", 1.5e3));

        for (ChainRows.Row row : ChainRows.of(SERVICE.database(), tenant)) {
            assertThat(ChainRows.recomputedHash(tenant, row))
                    .as("hash of seq %d", row.seq())
                    .isEqualTo(row.hash());
            assertThat(AuditPayloads.payloadHash(row.salt(), AuditPayloads.canonicalJson(row.payload())))
                    .as("payload commitment of seq %d", row.seq())
                    .isEqualTo(row.payloadHash());
            assertThat(row.salt()).hasSizeGreaterThanOrEqualTo(16);
        }
    }

    @Test
    void aFailedMutationLeavesNeitherItsChangeNorAnEvent() throws Exception {
        UUID tenant = newTenant();
        int events = ChainRows.of(SERVICE.database(), tenant).size();

        assertThatThrownBy(() -> SERVICE.transactions()
                        .mutate(tenant, sql -> sql.execute(
                                        "insert into tenancy.sites (tenant_id, name) values ($1, 'half written')",
                                        Tuple.of(tenant))
                                .flatMap(inserted ->
                                        Uni.createFrom().<Audited<Object>>failure(new IllegalStateException("boom"))))
                        .await()
                        .atMost(WAIT))
                .hasMessage("boom");

        assertThat(ChainRows.of(SERVICE.database(), tenant)).hasSize(events);
        long sites = SERVICE.transactions()
                .read(tenant, sql -> sql.execute("select count(*) from tenancy.sites where name = 'half written'")
                        .map(rows -> rows.iterator().next().getLong(0)))
                .await()
                .atMost(WAIT);
        assertThat(sites).isZero();
    }

    @Test
    void anAppendThatFailsTakesTheMutationDownWithIt() {
        UUID headless = UUID.randomUUID();

        assertThatThrownBy(() -> SERVICE.transactions()
                        .mutate(headless, sql -> sql.execute(
                                        "insert into tenancy.tenants (tenant_id, name) values ($1, 'no chain')",
                                        Tuple.of(headless))
                                .map(rows -> Audited.of(
                                        rows.rowCount(),
                                        AuditEntry.of("key:test", "test.orphan", "tenant:" + headless))))
                        .await()
                        .atMost(WAIT))
                .isInstanceOf(PgException.class)
                .hasMessageContaining("has no chain head");

        long tenants = SERVICE.pool()
                .withTransaction(connection -> connection
                        .preparedQuery("select set_config('atc.tenant_id', $1, true)")
                        .execute(Tuple.of(headless.toString()))
                        .flatMap(bound -> connection
                                .query("select count(*) from tenancy.tenants")
                                .execute()))
                .await()
                .atMost(WAIT)
                .iterator()
                .next()
                .getLong(0);
        assertThat(tenants).isZero();
        long sitesAfterwards = SERVICE.transactions()
                .read(newTenant(), sql -> sql.execute("select count(*) from tenancy.sites")
                        .map(rows -> rows.iterator().next().getLong(0)))
                .await()
                .atMost(WAIT);
        assertThat(sitesAfterwards)
                .as("the pooled connection is usable afterwards")
                .isEqualTo(1);
    }

    @Test
    void aMutationWithItsEntryKnownUpFrontAppendsExactlyOneEvent() throws Exception {
        UUID tenant = newTenant();
        List<ChainRows.Row> before = ChainRows.of(SERVICE.database(), tenant);

        int renamed = SERVICE.transactions()
                .mutate(
                        tenant,
                        new AuditEntry("key:k2", "test.renamed", "site:*", Map.of("name", "Pier")),
                        sql -> sql.execute("update tenancy.sites set name = 'Pier'")
                                .map(rows -> rows.rowCount()))
                .await()
                .atMost(WAIT);

        assertThat(renamed).isEqualTo(1);
        List<ChainRows.Row> after = ChainRows.of(SERVICE.database(), tenant);
        assertThat(after).hasSize(before.size() + 1);
        ChainRows.Row appended = after.get(after.size() - 1);
        assertThat(appended.prevHash()).isEqualTo(before.get(before.size() - 1).hash());
        assertThat(appended.action()).isEqualTo("test.renamed");
        assertThat(ChainRows.recomputedHash(tenant, appended)).isEqualTo(appended.hash());
    }

    @Test
    void whenTheWorkFailsTheUpFrontEntryIsRolledBackWithIt() throws Exception {
        UUID tenant = newTenant();
        int events = ChainRows.of(SERVICE.database(), tenant).size();

        assertThatThrownBy(() -> SERVICE.transactions()
                        .mutate(tenant, AuditEntry.of("key:k3", "test.deleted", "site:none"), sql -> sql.execute(
                                        "delete from tenancy.sites where name = 'no such site'")
                                .map(rows -> {
                                    if (rows.rowCount() == 0) {
                                        throw new IllegalStateException("not found");
                                    }
                                    return rows.rowCount();
                                }))
                        .await()
                        .atMost(WAIT))
                .hasMessage("not found");

        assertThat(ChainRows.of(SERVICE.database(), tenant)).hasSize(events);
    }

    @Test
    void aReadTransactionCannotWrite() {
        UUID tenant = newTenant();
        assertThatThrownBy(() -> SERVICE.transactions()
                        .read(
                                tenant,
                                sql -> sql.execute(
                                        "insert into tenancy.sites (tenant_id, name) values ($1, 'sneaky')",
                                        Tuple.of(tenant)))
                        .await()
                        .atMost(WAIT))
                .isInstanceOf(PgException.class)
                .hasMessageContaining("read-only transaction");
    }

    @Test
    void appendingWithoutABoundTenantIsRefused() {
        assertThatThrownBy(() -> SERVICE.pool()
                        .withTransaction(connection -> connection
                                .preparedQuery("select * from audit.append('x', 'y', 'z', '{}'::jsonb, $1, $2)")
                                .execute(Tuple.of(
                                        io.vertx.core.buffer.Buffer.buffer(new byte[32]),
                                        io.vertx.core.buffer.Buffer.buffer(new byte[32]))))
                        .await()
                        .atMost(WAIT))
                .isInstanceOf(PgException.class)
                .hasMessageContaining("no tenant is bound");
    }

    private static UUID newTenant() {
        UUID tenant = UUID.randomUUID();
        SERVICE.transactions()
                .createTenant(tenant, "Audit tenant " + tenant)
                .await()
                .atMost(WAIT);
        SERVICE.transactions()
                .mutate(tenant, sql -> sql.execute(
                                "insert into tenancy.sites (tenant_id, name) values ($1, 'Depot')", Tuple.of(tenant))
                        .map(rows ->
                                Audited.of(rows.rowCount(), AuditEntry.of("key:setup", "test.site", "site:depot"))))
                .await()
                .atMost(WAIT);
        return tenant;
    }

    private static void renameEverySite(UUID tenant, String actor, Map<String, Object> payload) {
        SERVICE.transactions()
                .mutate(tenant, sql -> sql.execute("update tenancy.sites set name = name || '.'")
                        .map(rows ->
                                Audited.of(rows.rowCount(), new AuditEntry(actor, "test.renamed", "site:*", payload))))
                .await()
                .atMost(WAIT);
    }
}
