package io.atc.audit.verify;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.atc.audit.AuditServiceTestResources;
import io.atc.audit.AuditedTenant;
import io.atc.audit.checkpoints.CheckpointKeys;
import io.atc.audit.checkpoints.Checkpointer;
import io.atc.audit.cli.VerifyChainsCommand;
import io.atc.core.tenancy.TenantTransactions;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Each tampering an attacker with the owner role can do in SQL is detected by both the API's
 * verify and the operator CLI, naming the first bad seq. Every tenant starts with seqs 0..10,
 * checkpointed at 10. Truncation and rewinds are caught only thanks to the checkpoint.
 * Breaks when: the verifier trusts stored hashes instead of recomputing them, skips the link or
 * payload check, or ignores the head and the checkpoint.
 */
@QuarkusTest
@QuarkusTestResource(AuditServiceTestResources.class)
class TamperingIsDetectedTests {

    @Inject
    TenantTransactions transactions;

    @Inject
    Checkpointer checkpointer;

    @Inject
    CheckpointKeys checkpointKeys;

    @Test
    void anUntouchedChainVerifies() {
        AuditedTenant tenant = checkpointedTenant();

        JsonPath api = verifyThroughApi(tenant);
        assertThat(api.getBoolean("ok")).isTrue();
        assertThat(api.getLong("verifiedThroughSeq")).isEqualTo(10);
        assertThat(api.getLong("checkpointSeq")).isEqualTo(10);
        assertThat(verifyThroughCli(tenant)).startsWith(tenant.id() + " OK through seq 10");
    }

    @Test
    void aModifiedPayload() throws Exception {
        assertDetected(
                t -> OwnerTampering.tamper(
                        t.id(),
                        "update audit.events set payload = '{\"n\":4,\"subject\":\"someone else\"}' where seq = 4"),
                4,
                "payload-mismatch");
    }

    @Test
    void aModifiedHash() throws Exception {
        assertDetected(
                t -> OwnerTampering.tamper(t.id(), "update audit.events set hash = sha256(hash) where seq = 4"),
                4,
                "hash-mismatch");
    }

    @Test
    void aModifiedTimestamp() throws Exception {
        assertDetected(
                t -> OwnerTampering.tamper(
                        t.id(), "update audit.events set occurred_at = occurred_at - interval '3 days' where seq = 4"),
                4,
                "hash-mismatch");
    }

    @Test
    void aDeletedMiddleRow() throws Exception {
        assertDetected(t -> OwnerTampering.tamper(t.id(), "delete from audit.events where seq = 4"), 4, "gap");
    }

    @Test
    void twoSwappedRows() throws Exception {
        String copy = "prev_hash = s.prev_hash, hash = s.hash, occurred_at = s.occurred_at, actor = s.actor,"
                + " action = s.action, target = s.target, payload = s.payload, payload_salt = s.payload_salt,"
                + " payload_hash = s.payload_hash";
        assertDetected(
                t -> OwnerTampering.tamper(
                        t.id(),
                        "create temporary table swapped on commit drop as select * from audit.events where seq in (3, 6)",
                        "update audit.events set prev_hash = sha256(prev_hash) where seq = 3",
                        "update audit.events e set " + copy + " from swapped s where e.seq = 6 and s.seq = 3",
                        "update audit.events e set " + copy + " from swapped s where e.seq = 3 and s.seq = 6"),
                3,
                "broken-link");
    }

    @Test
    void aForgedRowAfterTheHead() throws Exception {
        assertDetected(
                t -> OwnerTampering.tamper(
                        t.id(), """
                insert into audit.events (tenant_id, seq, version, prev_hash, hash, occurred_at, actor, action, target,
                                          payload, payload_salt, payload_hash)
                select tenant_id, 11, 1, hash, sha256('forged'::bytea), now(), 'key:admin', 'key.created', 'key:x',
                       '{}', payload_salt, payload_hash
                  from audit.events where seq = 10
                """, "update audit.chain_heads set seq = 11, head_hash = sha256('forged'::bytea)"),
                11,
                "hash-mismatch");
    }

    @Test
    void truncatedNewestRowsAndAMatchingHead() throws Exception {
        assertDetected(
                t -> OwnerTampering.tamper(
                        t.id(),
                        "delete from audit.events where seq >= 8",
                        "update audit.chain_heads h set seq = 7, head_hash = e.hash from audit.events e where e.seq = 7"),
                8,
                "rewound");
    }

    @Test
    void aRewoundHeadRow() throws Exception {
        assertDetected(
                t -> OwnerTampering.tamper(
                        t.id(),
                        "update audit.chain_heads h set seq = 5, head_hash = e.hash from audit.events e where e.seq = 5"),
                6,
                "rewound");
    }

    @Test
    void aChainRecomputedFromAnAlteredEventOnward() throws Exception {
        // The strongest owner attack: rewrite an event and recompute every later hash consistently.
        assertDetected(t -> OwnerTampering.tamper(t.id(), """
                do $$
                declare
                    r record;
                    prev bytea;
                begin
                    select hash into prev from audit.events where seq = 2;
                    for r in select * from audit.events where seq >= 3 order by seq loop
                        update audit.events set actor = case when r.seq = 3 then 'key:innocent' else r.actor end,
                               prev_hash = prev,
                               hash = audit.entry_hash_v1(r.tenant_id, r.seq, prev, r.occurred_at,
                                        case when r.seq = 3 then 'key:innocent' else r.actor end,
                                        r.action, r.target, r.payload_hash)
                         where seq = r.seq
                        returning hash into prev;
                    end loop;
                    update audit.chain_heads set head_hash = prev;
                end
                $$
                """), 10, "rewound");
    }

    @Test
    void aFork() throws Exception {
        AuditedTenant tenant = checkpointedTenant();
        try {
            OwnerTampering.tamper(
                    tenant.id(),
                    "alter table audit.events drop constraint events_tenant_id_prev_hash_key",
                    "alter table audit.events drop constraint events_pkey",
                    """
                    insert into audit.events (tenant_id, seq, version, prev_hash, hash, occurred_at, actor, action,
                                              target, payload, payload_salt, payload_hash)
                    select tenant_id, seq, 1, prev_hash,
                           audit.entry_hash_v1(tenant_id, seq, prev_hash, occurred_at, 'key:other', action, target, payload_hash),
                           occurred_at, 'key:other', action, target, payload, payload_salt, payload_hash
                      from audit.events where seq = 5
                    """);

            assertVerdict(tenant, 5, "fork");
        } finally {
            OwnerTampering.tamper(
                    tenant.id(),
                    "delete from audit.events where seq = 5 and actor = 'key:other'",
                    "alter table audit.events add constraint events_pkey primary key (tenant_id, seq)",
                    "alter table audit.events add constraint events_tenant_id_prev_hash_key unique (tenant_id, prev_hash)");
        }
    }

    private interface Tampering {
        void apply(AuditedTenant tenant) throws Exception;
    }

    private void assertDetected(Tampering tampering, long firstBadSeq, String reason) throws Exception {
        AuditedTenant tenant = checkpointedTenant();
        tampering.apply(tenant);
        assertVerdict(tenant, firstBadSeq, reason);
    }

    private void assertVerdict(AuditedTenant tenant, long firstBadSeq, String reason) {
        // mode=full: most of these tamper before the checkpoint at 10, which the default (from 10) does not re-read.
        // DefaultVerificationStartsAtTheSignedCheckpointTests covers what the default must still find.
        JsonPath api = verifyThroughApi(tenant);
        assertThat(api.getBoolean("ok")).as("API verdict").isFalse();
        assertThat(api.getLong("firstBadSeq")).as("API first bad seq").isEqualTo(firstBadSeq);
        assertThat(api.getString("reason")).as("API reason").isEqualTo(reason);
        assertThat(verifyThroughCli(tenant))
                .as("CLI verdict")
                .startsWith(tenant.id() + " FAILED at seq " + firstBadSeq + ": " + reason);
    }

    private AuditedTenant checkpointedTenant() {
        AuditedTenant tenant = AuditedTenant.withEvents(transactions, 10);
        checkpointer.checkpointMovedChains().await().atMost(Duration.ofSeconds(30));
        return tenant;
    }

    private static JsonPath verifyThroughApi(AuditedTenant tenant) {
        return given().auth()
                .oauth2(tenant.token())
                .queryParam("mode", "full")
                .post("/v1/audit/verify")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private String verifyThroughCli(AuditedTenant tenant) {
        TestDatabase database = TestDatabase.shared();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = VerifyChainsCommand.run(
                new String[] {"--tenant", tenant.id().toString()},
                Map.of(
                        "ATC_DB_URL", database.target().uri(),
                        "ATC_DB_APP_USER", database.target().appUser(),
                        "ATC_DB_APP_PASSWORD", database.target().appPassword(),
                        "ATC_AUDIT_CHECKPOINT_DIR", AuditServiceTestResources.CHECKPOINTS.toString(),
                        "ATC_AUDIT_CHECKPOINT_PUBLIC_KEY", checkpointKeys.publicKeyBase64()),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit)
                .as("CLI exit code; printed %s %s", printed, err)
                .isEqualTo(printed.contains(" FAILED ") ? 1 : 0);
        return printed;
    }
}
