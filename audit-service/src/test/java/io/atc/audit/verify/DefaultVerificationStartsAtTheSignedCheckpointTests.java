package io.atc.audit.verify;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.atc.audit.AuditServiceTestResources;
import io.atc.audit.AuditedTenant;
import io.atc.audit.checkpoints.Checkpointer;
import io.atc.core.audit.AuditEntry;
import io.atc.core.tenancy.Audited;
import io.atc.core.tenancy.TenantTransactions;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * POST /v1/audit/verify re-hashes only what its newest signed checkpoint does not vouch for, says
 * where it started, and still catches tampering after, and rewinds relative to, that checkpoint;
 * a full verification is there for what lies before it, and is limited.
 * Every tenant below: seqs 0..10, checkpointed at 10, then 3 more events (11..13) unless said.
 * Breaks when: verify re-hashes the whole chain by default (eventsHashed, from), trusts the anchor
 * row without comparing it with the signed hash (the rewind tests), trusts a checkpoint file without
 * its signature or from another tenant, or starts full verifications without a limit.
 */
@QuarkusTest
@QuarkusTestResource(AuditServiceTestResources.class)
class DefaultVerificationStartsAtTheSignedCheckpointTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    TenantTransactions transactions;

    @Inject
    Checkpointer checkpointer;

    @Test
    void theDefaultStartsAtTheCheckpointSaysSoAndRehashesOnlyLaterEvents() {
        AuditedTenant tenant = checkpointedAt10ThenThreeMore();

        JsonPath report = verify(tenant, null);

        assertThat(report.getBoolean("ok")).isTrue();
        assertThat(report.getString("mode")).isEqualTo("incremental");
        assertThat(report.getLong("verifiedThroughSeq")).isEqualTo(13);
        assertThat(report.getLong("checkpointSeq")).isEqualTo(10);
        assertThat(report.getLong("from.seq")).isEqualTo(10);
        assertThat(report.getBoolean("from.checkpoint")).isTrue();
        assertThat(report.getString("from.signedAt")).isNotBlank();
        assertThat(report.getString("from.covers")).contains("signed checkpoint 10");
        assertThat(report.getLong("eventsRead"))
                .as("the checkpoint's event and 11..13")
                .isEqualTo(4);
        assertThat(report.getLong("eventsHashed")).as("11..13 only").isEqualTo(3);

        JsonPath full = verify(tenant, "full");
        assertThat(full.getBoolean("ok")).isTrue();
        assertThat(full.getString("mode")).isEqualTo("full");
        assertThat(full.getLong("from.seq")).isZero();
        assertThat(full.getBoolean("from.checkpoint")).isFalse();
        assertThat(full.getLong("eventsHashed")).isEqualTo(14);
    }

    @Test
    void withoutACheckpointTheDefaultVerifiesFromGenesisAndSaysSo() {
        AuditedTenant tenant = AuditedTenant.withEvents(transactions, 3);

        JsonPath report = verify(tenant, null);

        assertThat(report.getBoolean("ok")).isTrue();
        assertThat(report.getLong("from.seq")).isZero();
        assertThat(report.getBoolean("from.checkpoint")).isFalse();
        assertThat(report.getString("from.covers")).contains("no signed checkpoint yet");
        assertThat(report.getLong("eventsHashed")).isEqualTo(4);
        assertThat((Object) report.get("checkpointSeq")).isNull();
    }

    @Test
    void tamperingAfterTheCheckpointIsFoundByTheDefault() throws Exception {
        AuditedTenant tenant = checkpointedAt10ThenThreeMore();
        OwnerTampering.tamper(tenant.id(), "update audit.events set payload = '{\"n\":99}' where seq = 12");

        JsonPath report = verify(tenant, null);

        assertThat(report.getBoolean("ok")).isFalse();
        assertThat(report.getLong("firstBadSeq")).isEqualTo(12);
        assertThat(report.getString("reason")).isEqualTo("payload-mismatch");
    }

    @Test
    void aChainShorterThanTheCheckpointFailsTheDefault() throws Exception {
        AuditedTenant tenant = checkpointedAt10ThenThreeMore();
        OwnerTampering.rewind(TestDatabase.shared(), tenant.id(), 7);

        assertNoLongerMatchesCheckpoint10(verify(tenant, null));
    }

    @Test
    void aChainRecomputedUpToTheCheckpointFailsTheDefault() throws Exception {
        // Events 3.. rewritten and every later hash recomputed: consistent, but not what was signed at 10.
        AuditedTenant tenant = checkpointedAt10ThenThreeMore();
        OwnerTampering.tamper(tenant.id(), """
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
                """);

        assertNoLongerMatchesCheckpoint10(verify(tenant, null));
    }

    @Test
    void aDeletedCheckpointEventFailsTheDefault() throws Exception {
        AuditedTenant tenant = checkpointedAt10ThenThreeMore();
        OwnerTampering.tamper(tenant.id(), "delete from audit.events where seq = 10");

        assertNoLongerMatchesCheckpoint10(verify(tenant, null));
    }

    @Test
    void tamperingBeforeTheCheckpointIsForFullVerificationToFind() throws Exception {
        AuditedTenant tenant = checkpointedAt10ThenThreeMore();
        OwnerTampering.tamper(tenant.id(), "update audit.events set payload = '{\"n\":99}' where seq = 4");

        JsonPath incremental = verify(tenant, null);
        assertThat(incremental.getBoolean("ok"))
                .as("by design: event 4's payload is vouched for by checkpoint 10 and not re-read")
                .isTrue();
        assertThat(incremental.getLong("from.seq")).isEqualTo(10);

        JsonPath full = verify(tenant, "full");
        assertThat(full.getBoolean("ok")).isFalse();
        assertThat(full.getLong("firstBadSeq")).isEqualTo(4);
        assertThat(full.getString("reason")).isEqualTo("payload-mismatch");
    }

    @Test
    void theCheckpointerDoesNotSignOverEventsThatDoNotVerify() throws Exception {
        // Otherwise a later default verification would start after the tampered event and miss it.
        AuditedTenant tenant = AuditedTenant.withEvents(transactions, 10);
        checkpointer.checkpointMovedChains().await().atMost(WAIT);
        appendEvents(tenant, 3);
        OwnerTampering.tamper(tenant.id(), "update audit.events set payload = '{\"n\":99}' where seq = 12");

        checkpointer.checkpointMovedChains().await().atMost(WAIT);

        assertThat(checkpointSeqs(tenant)).containsExactly(10L);
        JsonPath report = verify(tenant, null);
        assertThat(report.getLong("from.seq")).isEqualTo(10);
        assertThat(report.getString("reason")).isEqualTo("payload-mismatch");
    }

    @Test
    void aCheckpointCopiedFromAnotherTenantIsNotTrusted() throws Exception {
        AuditedTenant other = AuditedTenant.withEvents(transactions, 12);
        AuditedTenant tenant = checkpointedAt10ThenThreeMore();
        Path theirs = checkpointFile(other, 12);
        Files.copy(theirs, tenantDir(tenant).resolve(theirs.getFileName()));

        JsonPath report = verify(tenant, null);

        assertThat(report.getBoolean("ok")).isFalse();
        assertThat(report.getString("reason")).isEqualTo("checkpoint-invalid");
    }

    @Test
    void fullVerificationIsLimitedPerTenantAndTheDefaultIsNot() {
        AuditedTenant tenant = checkpointedAt10ThenThreeMore();
        for (int i = 0; i < 4; i++) {
            assertThat(verify(tenant, "full").getBoolean("ok")).isTrue();
        }

        Response refused =
                given().auth().oauth2(tenant.token()).queryParam("mode", "full").post("/v1/audit/verify");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.jsonPath().getString("type")).isEqualTo("urn:atc:problem:rate-limited");
        assertThat(refused.jsonPath().getString("detail")).contains("per hour");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(3000L, 3600L);
        assertThat(verify(tenant, null).getBoolean("ok")).isTrue();
        AuditedTenant another = checkpointedAt10ThenThreeMore();
        assertThat(verify(another, "full").getBoolean("ok"))
                .as("the limit is per tenant")
                .isTrue();
    }

    @Test
    void anUnknownModeIsA422NamingIt() {
        AuditedTenant tenant = AuditedTenant.withEvents(transactions, 1);

        given().auth()
                .oauth2(tenant.token())
                .queryParam("mode", "everything")
                .post("/v1/audit/verify")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("mode"));
    }

    private AuditedTenant checkpointedAt10ThenThreeMore() {
        AuditedTenant tenant = AuditedTenant.withEvents(transactions, 10);
        checkpointer.checkpointMovedChains().await().atMost(WAIT);
        appendEvents(tenant, 3);
        return tenant;
    }

    private void appendEvents(AuditedTenant tenant, int count) {
        for (int i = 0; i < count; i++) {
            transactions
                    .mutate(tenant.id(), sql -> sql.execute("select 1")
                            .map(rows -> Audited.of(
                                    0, new AuditEntry("key:test", "test.event", "site:later", Map.of("n", 1)))))
                    .await()
                    .atMost(WAIT);
        }
    }

    private static void assertNoLongerMatchesCheckpoint10(JsonPath report) {
        assertThat(report.getBoolean("ok")).isFalse();
        assertThat(report.getString("reason")).isEqualTo("rewound");
        assertThat(report.getLong("firstBadSeq")).isEqualTo(10);
        assertThat(report.getString("detail")).startsWith("the chain no longer matches signed checkpoint 10");
    }

    private static JsonPath verify(AuditedTenant tenant, String mode) {
        var request = given().auth().oauth2(tenant.token());
        if (mode != null) {
            request = request.queryParam("mode", mode);
        }
        return request.post("/v1/audit/verify").then().statusCode(200).extract().jsonPath();
    }

    private static Path tenantDir(AuditedTenant tenant) {
        return AuditServiceTestResources.CHECKPOINTS.resolve(tenant.id().toString());
    }

    private static Path checkpointFile(AuditedTenant tenant, long seq) {
        return tenantDir(tenant).resolve(String.format("%020d.json", seq));
    }

    private static java.util.List<Long> checkpointSeqs(AuditedTenant tenant) throws Exception {
        try (Stream<Path> files = Files.list(tenantDir(tenant))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.matches("\\d{20}\\.json"))
                    .map(name -> Long.parseLong(name.substring(0, 20)))
                    .sorted()
                    .toList();
        }
    }
}
