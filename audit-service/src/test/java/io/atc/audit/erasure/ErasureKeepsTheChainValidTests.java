package io.atc.audit.erasure;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.atc.audit.AuditServiceTestResources;
import io.atc.audit.AuditedTenant;
import io.atc.audit.checkpoints.Checkpointer;
import io.atc.core.tenancy.TenantTransactions;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Erasure tombstones the matching events: payload and salt are gone from the database (read as
 * the owner, who sees everything), payload_hash stays, the chain still verifies, and the erasure
 * is itself a new audit event listing the erased seqs (never the subject). A tombstone without
 * such an event is detected.
 * Breaks when: erasure rewrites hashes, keeps the payload anywhere, or goes unaudited.
 */
@QuarkusTest
@QuarkusTestResource(AuditServiceTestResources.class)
class ErasureKeepsTheChainValidTests {

    @Inject
    TenantTransactions transactions;

    @Inject
    Checkpointer checkpointer;

    @Test
    void erasingASubjectRemovesItsPayloadsAndTheChainStillVerifies() throws Exception {
        AuditedTenant tenant = AuditedTenant.withEvents(transactions, 6);
        checkpointer.checkpointMovedChains().await().atMost(Duration.ofSeconds(30));

        List<Integer> erased = given().auth()
                .oauth2(tenant.token())
                .contentType("application/json")
                .body("{\"subject\":\"user:42\",\"reason\":\"GDPR art. 17 request #123\"}")
                .post("/v1/audit/erasures")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getList("erasedSeqs", Integer.class);

        assertThat(erased).containsExactly(2, 4, 6);
        for (int seq : erased) {
            assertPayloadGoneButCommitmentKept(tenant, seq);
        }
        given().auth()
                .oauth2(tenant.token())
                .post("/v1/audit/verify")
                .then()
                .statusCode(200)
                .body("ok", equalTo(true))
                .body("verifiedThroughSeq", equalTo(7))
                .body("checkpointSeq", equalTo(6));
        given().auth()
                .oauth2(tenant.token())
                .get("/v1/audit/events/7")
                .then()
                .statusCode(200)
                .body("action", equalTo("audit.erasure"))
                .body("payload.erasedSeqs", equalTo(List.of(2, 4, 6)))
                .body("payload.reason", equalTo("GDPR art. 17 request #123"))
                .body("target", equalTo("audit:erasure"));
        given().auth()
                .oauth2(tenant.token())
                .get("/v1/audit/events/4")
                .then()
                .statusCode(200)
                .body("tombstonedAt", org.hamcrest.Matchers.notNullValue())
                .body("payload", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void erasingByPayloadSubjectAndBySeqAlsoWorks() {
        AuditedTenant tenant = AuditedTenant.withEvents(transactions, 6);

        given().auth()
                .oauth2(tenant.token())
                .contentType("application/json")
                .body("{\"subject\":\"user:7\",\"eventSeqs\":[1],\"reason\":\"request\"}")
                .post("/v1/audit/erasures")
                .then()
                .statusCode(201)
                .body("erasedSeqs", equalTo(List.of(1, 3, 6)));
        given().auth().oauth2(tenant.token()).post("/v1/audit/verify").then().body("ok", equalTo(true));
    }

    @Test
    void anErasureNeedsATargetAndAReason() {
        AuditedTenant tenant = AuditedTenant.withEvents(transactions, 1);
        given().auth()
                .oauth2(tenant.token())
                .contentType("application/json")
                .body("{\"reason\":\"x\"}")
                .post("/v1/audit/erasures")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(tenant.token())
                .contentType("application/json")
                .body("{\"subject\":\"user:1\"}")
                .post("/v1/audit/erasures")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("reason"));
    }

    @Test
    void aTombstoneWithoutAnErasureEventIsDetected() throws Exception {
        AuditedTenant tenant = AuditedTenant.withEvents(transactions, 4);
        try (Connection owner = TestDatabase.shared().connectAsOwner()) {
            owner.setAutoCommit(false);
            SyntheticOrganisations.bindTenant(owner, tenant.id());
            owner.createStatement()
                    .execute(
                            "update audit.events set payload = null, payload_salt = null, tombstoned_at = now() where seq = 3");
            owner.commit();
        }

        given().auth()
                .oauth2(tenant.token())
                .post("/v1/audit/verify")
                .then()
                .statusCode(200)
                .body("ok", equalTo(false))
                .body("firstBadSeq", equalTo(3))
                .body("reason", equalTo("unauthorised-tombstone"));
    }

    private static void assertPayloadGoneButCommitmentKept(AuditedTenant tenant, int seq) throws Exception {
        try (Connection owner = TestDatabase.shared().connectAsOwner()) {
            owner.setAutoCommit(false);
            SyntheticOrganisations.bindTenant(owner, tenant.id());
            try (PreparedStatement query = owner.prepareStatement(
                    "select payload, payload_salt, payload_hash, tombstoned_at from audit.events where seq = ?")) {
                query.setLong(1, seq);
                try (ResultSet row = query.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getString("payload"))
                            .as("payload of %d", seq)
                            .isNull();
                    assertThat(row.getBytes("payload_salt"))
                            .as("salt of %d", seq)
                            .isNull();
                    assertThat(row.getBytes("payload_hash")).hasSize(32);
                    assertThat(row.getObject("tombstoned_at")).isNotNull();
                }
            }
            owner.rollback();
        }
    }
}
