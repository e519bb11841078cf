package io.atc.gateway.cors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.atc.core.tenancy.CrossTenantRead;
import io.atc.core.tenancy.CrossTenantReads;
import io.atc.gateway.auth.KeyChanged;
import io.atc.schema.RowLevelSecurityCatalog;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.PoolOptions;

/**
 * Preflights are answered from the origins of keys that are neither revoked nor expired, read
 * across tenants through keys.active_key_origins() only, and kept current by key-change events.
 * Breaks when: the function drops its revoked/expired filter (the revoked and expired origins
 * appear), it is callable by PUBLIC or loses its fixed search_path, the loader ignores KeyChanged
 * (the revoked origin stays allowed), or a failed load empties the set or is never retried.
 */
class PreflightOriginsComeFromActiveKeysOnlyTests {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static Vertx vertx;
    private static Pool pool;
    private static TestDatabase database;
    private static UUID tenantA;
    private static UUID tenantB;

    @BeforeAll
    static void connect() {
        database = TestDatabase.shared();
        tenantA = SyntheticOrganisations.in(database).a().tenantId();
        tenantB = SyntheticOrganisations.in(database).b().tenantId();
        vertx = Vertx.vertx();
        pool = poolOn(database);
    }

    @AfterAll
    static void disconnect() throws Exception {
        pool.closeAndAwait();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void onlyOriginsOfActiveKeysOfEveryTenantAreReturnedOnce() throws Exception {
        String shared = TestKeys.uniqueOrigin("shared");
        String activeA = TestKeys.uniqueOrigin("active-a");
        String activeB = TestKeys.uniqueOrigin("active-b");
        String notYetExpired = TestKeys.uniqueOrigin("expires-later");
        String revoked = TestKeys.uniqueOrigin("revoked");
        String expired = TestKeys.uniqueOrigin("expired");
        OffsetDateTime now = OffsetDateTime.now();
        TestKeys.insert(database, tenantA, List.of(shared, activeA), null, null);
        TestKeys.insert(database, tenantA, List.of(notYetExpired, shared), now.plusHours(1), null);
        TestKeys.insert(database, tenantA, List.of(revoked), null, now.minusMinutes(1));
        TestKeys.insert(database, tenantB, List.of(expired), now.minusSeconds(1), null);
        TestKeys.insert(database, tenantB, List.of(activeB, shared), null, null);

        List<String> origins = activeKeyOriginsAsServiceRole();

        assertThat(origins).contains(shared, activeA, activeB, notYetExpired).doesNotContain(revoked, expired);
        assertThat(origins).filteredOn(shared::equals).hasSize(1);
        assertThat(origins).doesNotHaveDuplicates();
    }

    @Test
    void theFunctionIsTheOnlyNarrowPathAndTheTenantContractStillHolds() throws Exception {
        try (Connection app = database.connectAsApp();
                Statement query = app.createStatement();
                ResultSet rows = query.executeQuery("select count(*) from keys.api_keys")) {
            rows.next();
            assertThat(rows.getLong(1))
                    .as("direct reads without a tenant see nothing")
                    .isZero();
        }
        try (Connection owner = database.connectAsOwner();
                Statement query = owner.createStatement();
                ResultSet rows = query.executeQuery("""
                        select p.prosecdef, array_to_string(p.proconfig, ','),
                               has_function_privilege('public', p.oid, 'execute') as public_execute,
                               pg_get_function_result(p.oid)
                          from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                         where n.nspname = 'keys' and p.proname = 'active_key_origins'
                        """)) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getBoolean(1)).as("security definer").isTrue();
            assertThat(rows.getString(2)).as("fixed search_path").contains("search_path=pg_catalog, pg_temp");
            assertThat(rows.getBoolean(3)).as("PUBLIC may execute").isFalse();
            assertThat(rows.getString(4)).as("returns origins only").isEqualTo("TABLE(origin text)");
            assertThat(RowLevelSecurityCatalog.violations(
                            owner, database.target().appUser()))
                    .isEmpty();
        }
    }

    @Test
    void theLoaderFollowsKeyChanges() throws Exception {
        String first = TestKeys.uniqueOrigin("first");
        String added = TestKeys.uniqueOrigin("added");
        UUID firstKey = TestKeys.insert(database, tenantA, List.of(first), null, null);
        PreflightOrigins origins = new PreflightOrigins();
        PreflightOriginsLoader loader =
                new PreflightOriginsLoader(origins, new CrossTenantReads(pool), vertx, Duration.ofHours(1));

        loader.loadNow().await().atMost(PATIENCE);
        assertThat(origins.contains(first)).isTrue();

        TestKeys.insert(database, tenantB, List.of(added), null, null);
        loader.onKeyChanged(new KeyChanged(tenantB, UUID.randomUUID(), "atc_test_x", "rotated", false));
        eventually(() -> origins.contains(added), "a KeyChanged event loads the new origin");

        TestKeys.revoke(database, tenantA, firstKey);
        loader.onKeyChangedAsync(new KeyChanged(tenantA, firstKey, "atc_test_x", "revoked", false));
        eventually(() -> !origins.contains(first), "a revoked key's origin is dropped");
    }

    @Test
    void aFailedLoadKeepsThePreviousOriginsAndIsRetried() throws Exception {
        TestDatabase scratch = TestDatabase.scratch();
        Pool scratchPool = poolOn(scratch);
        String grant = "grant execute on function keys.active_key_origins() to \""
                + scratch.target().appUser() + "\"";
        try {
            UUID tenant =
                    SyntheticOrganisations.create(scratch, "Preflight Org").tenantId();
            String known = TestKeys.uniqueOrigin("known");
            String later = TestKeys.uniqueOrigin("later");
            TestKeys.insert(scratch, tenant, List.of(known), null, null);
            PreflightOrigins origins = new PreflightOrigins();
            PreflightOriginsLoader loader =
                    new PreflightOriginsLoader(origins, new CrossTenantReads(scratchPool), vertx, Duration.ofHours(1));
            loader.start();
            eventually(() -> origins.contains(known), "the first load");

            ownerExecutes(scratch, grant.replace("grant", "revoke").replace(" to ", " from "));
            TestKeys.insert(scratch, tenant, List.of(later), null, null);
            assertThatThrownBy(() -> loader.loadNow().await().atMost(PATIENCE))
                    .hasMessageContaining("permission denied");
            loader.refresh();
            eventually(loader::failing, "the refresh fails");
            assertThat(origins.contains(known)).as("the previous set is kept").isTrue();
            assertThat(origins.contains(later)).isFalse();

            ownerExecutes(scratch, grant);
            eventually(() -> origins.contains(later), "the failed load is retried without another trigger");
            eventually(() -> !loader.failing(), "the loader notes it recovered");
            loader.stop();
        } finally {
            scratchPool.closeAndAwait();
            scratch.drop();
        }
    }

    private static List<String> activeKeyOriginsAsServiceRole() throws Exception {
        List<String> origins = new ArrayList<>();
        try (Connection app = database.connectAsApp();
                PreparedStatement query = app.prepareStatement(CrossTenantRead.ACTIVE_KEY_ORIGINS.sql());
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                origins.add(rows.getString(1));
            }
        }
        return origins;
    }

    private static void ownerExecutes(TestDatabase target, String sql) throws Exception {
        try (Connection owner = target.connectAsOwner();
                Statement statement = owner.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Pool poolOn(TestDatabase target) {
        return Pool.newInstance(PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(2))
                .connectingTo(target.appConnectOptions())
                .using(vertx)
                .build());
    }

    private static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + PATIENCE + ": " + what);
            }
            Thread.sleep(20);
        }
    }
}
