package io.atc.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.atc.audit.checkpoints.Checkpoint;
import io.atc.audit.checkpoints.CheckpointStore;
import io.atc.audit.cli.OperatorScenario.Run;
import io.atc.audit.events.AuditEventFilter;
import io.atc.audit.events.AuditEvents;
import io.atc.audit.verify.ChainVerification;
import io.atc.audit.verify.OwnerTampering;
import io.atc.audit.verify.VerificationFlights;
import io.atc.audit.verify.VerificationMode;
import io.atc.audit.verify.VerificationReport;
import io.atc.core.tenancy.TenantTransactions;
import io.atc.testkit.postgres.PostgresServer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;

/**
 * The verifier gives the same, right answer whichever role the operator runs it as: the service
 * role, the owner (whose platform_chain_check policy sees every tenant's chain head) or a superuser
 * (which bypasses row level security altogether). A false tamper alarm is as bad as a missed one.
 * The careless operator: runs `audit-verify --all` as the database owner or as postgres.
 * The service's own chain reads (StoredChain, the same ChainQueries) are held to the same standard.
 * Breaks when: a query of ChainQueries or StoredChain stops naming its tenant and relies on RLS
 * alone (on main, every chain of an untouched database FAILED at seq 0: fork, or on a foreign head).
 */
class VerifierIsRightUnderRolesThatBypassRlsTests {

    private static final int TENANTS = 4;
    private static final int EVENTS = 3;
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static OperatorScenario scenario;

    @BeforeAll
    static void anUntouchedMultiTenantDatabase() throws Exception {
        scenario = OperatorScenario.withTenants(TENANTS, EVENTS);
        scenario.checkpoint(scenario.signingKey);
    }

    @AfterAll
    static void dropTheDatabase() {
        scenario.close();
    }

    @Test
    void asTheOwnerEveryChainVerifies() throws Exception {
        assertEveryChainVerifies(scenario.environment(
                scenario.database.target().ownerUser(),
                scenario.database.target().ownerPassword()));
    }

    @Test
    void asASuperuserEveryChainVerifiesAndATamperedOneStillFails() throws Exception {
        PostgresServer server = scenario.database.server();
        try (Connection admin = server.connectAsAdmin();
                Statement sql = admin.createStatement();
                ResultSet me = sql.executeQuery(
                        "select rolsuper or rolbypassrls from pg_roles where rolname = current_user")) {
            me.next();
            assertThat(me.getBoolean(1))
                    .as("the test server's admin bypasses row level security")
                    .isTrue();
        }
        Map<String, String> superuser = scenario.environment(server.adminUser(), server.adminPassword());
        assertEveryChainVerifies(superuser);

        UUID tampered = scenario.tenants.get(2);
        OwnerTampering.tamper(
                scenario.database,
                tampered,
                "update audit.events set actor = 'someone else' where tenant_id = '" + tampered + "' and seq = 2");
        try {
            Run run = verify(superuser);
            assertThat(run.exit()).as(run.toString()).isEqualTo(VerifyChainsCommand.FAILED);
            assertThat(run.out())
                    .anyMatch(line -> line.startsWith(tampered + " FAILED at seq 2: hash-mismatch"))
                    .anyMatch(line -> line.endsWith((TENANTS - 1) + " ok, 1 failed"));
            scenario.tenants.stream().filter(tenant -> !tenant.equals(tampered)).forEach(tenant -> assertThat(run.out())
                    .contains(okLine(tenant)));
        } finally {
            OwnerTampering.tamper(
                    scenario.database,
                    tampered,
                    "update audit.events set actor = 'key:operator-test' where tenant_id = '" + tampered
                            + "' and seq = 2");
        }
    }

    /** The service never runs as such a role (it refuses to start), but its reads name their tenant all the same. */
    @Test
    void theServicesChainReadsAreRightAsASuperuserToo() {
        PostgresServer server = scenario.database.server();
        Vertx vertx = Vertx.vertx();
        Pool superuser = Pool.newInstance(PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(2))
                .connectingTo(
                        PgConnectOptions.fromUri(scenario.database.target().uri())
                                .setUser(server.adminUser())
                                .setPassword(server.adminPassword()))
                .using(vertx.getDelegate())
                .build());
        try {
            TenantTransactions transactions = new TenantTransactions(superuser);
            ChainVerification verification = new ChainVerification(
                    transactions, new NoCheckpoints(), new VerificationFlights(1, 1, Clock.systemUTC()));
            AuditEvents events = new AuditEvents(transactions, new ObjectMapper().findAndRegisterModules());
            for (UUID tenant : scenario.tenants) {
                VerificationReport result = verification
                        .verify(tenant, VerificationMode.FULL)
                        .await()
                        .atMost(WAIT);
                assertThat(result.ok()).as("%s: %s", tenant, result).isTrue();
                assertThat(result.verifiedThroughSeq()).isEqualTo(EVENTS);
                assertThat(events.page(tenant, -1, 100, AuditEventFilter.NONE)
                                .await()
                                .atMost(WAIT)
                                .items())
                        .hasSize(EVENTS + 1);
                assertThat(events.export(tenant, 0, Long.MAX_VALUE)
                                .await()
                                .atMost(WAIT)
                                .lines())
                        .hasSize(EVENTS + 1);
            }
        } finally {
            superuser.closeAndAwait();
            vertx.closeAndAwait();
        }
    }

    private static final class NoCheckpoints implements CheckpointStore {
        @Override
        public Uni<Void> save(Checkpoint checkpoint) {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public Uni<Optional<Checkpoint>> newest(UUID tenant) {
            return Uni.createFrom().item(Optional.empty());
        }
    }

    private static void assertEveryChainVerifies(Map<String, String> env) throws Exception {
        Run run = verify(env);
        assertThat(run.exit()).as(run.toString()).isEqualTo(VerifyChainsCommand.OK);
        for (UUID tenant : scenario.tenants) {
            assertThat(run.out()).contains(okLine(tenant));
        }
        assertThat(run.out())
                .anyMatch(line ->
                        line.startsWith("verified " + TENANTS + " tenant(s), " + TENANTS * (EVENTS + 1) + " event(s)")
                                && line.endsWith(TENANTS + " ok, 0 failed"));
    }

    private static Run verify(Map<String, String> env) throws Exception {
        return OperatorScenario.verifyInProcess(
                env,
                "--all",
                "--checkpoint-public-key",
                scenario.trustedKeyFile().toString());
    }

    private static String okLine(UUID tenant) {
        return tenant + " OK through seq " + EVENTS + " (checkpoint seq " + EVENTS + ")";
    }
}
