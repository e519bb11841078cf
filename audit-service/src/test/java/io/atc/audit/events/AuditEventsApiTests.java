package io.atc.audit.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.atc.audit.AuditServiceTestResources;
import io.atc.audit.AuditedTenant;
import io.atc.audit.verify.ChainRecord;
import io.atc.audit.verify.ChainVerifier;
import io.atc.audit.verify.VerificationResult;
import io.atc.core.tenancy.TenantTransactions;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A tenant reads its own trail in pages, one event at a time, and exports it as JSON Lines that
 * an auditor can verify offline with nothing but the documented encoding; other tenants' events
 * are never visible.
 */
@QuarkusTest
@QuarkusTestResource(AuditServiceTestResources.class)
class AuditEventsApiTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TenantTransactions transactions;

    @Test
    void eventsArePagedInSeqOrder() {
        AuditedTenant tenant = AuditedTenant.withEvents(transactions, 5);

        String next = given().auth()
                .oauth2(tenant.token())
                .queryParam("limit", 4)
                .get("/v1/audit/events")
                .then()
                .statusCode(200)
                .body("items.seq", equalTo(List.of(0, 1, 2, 3)))
                .body("next", notNullValue())
                .extract()
                .path("next");
        given().auth()
                .oauth2(tenant.token())
                .queryParam("after", next)
                .queryParam("limit", 4)
                .get("/v1/audit/events")
                .then()
                .statusCode(200)
                .body("items.seq", equalTo(List.of(4, 5)))
                .body("next", nullValue());
        given().auth()
                .oauth2(tenant.token())
                .queryParam("after", "3")
                .get("/v1/audit/events")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("after"));
        given().auth()
                .oauth2(tenant.token())
                .get("/v1/audit/events/2")
                .then()
                .statusCode(200)
                .body("seq", equalTo(2))
                .body("payload.n", equalTo(2))
                .body("tenant", equalTo(tenant.id().toString()));
        given().auth()
                .oauth2(tenant.token())
                .get("/v1/audit/events/99")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(tenant.token())
                .queryParam("limit", 5000)
                .get("/v1/audit/events")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void anotherTenantsEventsAreNeverVisible() {
        AuditedTenant a = AuditedTenant.withEvents(transactions, 3);
        AuditedTenant b = AuditedTenant.withEvents(transactions, 3);

        given().auth()
                .oauth2(a.token())
                .queryParam("limit", 1000)
                .get("/v1/audit/events")
                .then()
                .statusCode(200)
                .body("items", hasSize(4))
                .body("items.tenant", everyItem(equalTo(a.id().toString())));
        String bHash = given().auth()
                .oauth2(b.token())
                .get("/v1/audit/events/1")
                .then()
                .extract()
                .path("hash");
        String aHash = given().auth()
                .oauth2(a.token())
                .get("/v1/audit/events/1")
                .then()
                .extract()
                .path("hash");
        assertThat(aHash).isNotEqualTo(bHash);
    }

    @Test
    void theJsonLinesExportVerifiesOffline() throws Exception {
        AuditedTenant tenant = AuditedTenant.withEvents(transactions, 8);

        String export = given().auth()
                .oauth2(tenant.token())
                .get("/v1/audit/export")
                .then()
                .statusCode(200)
                .contentType(AuditEventResource.JSON_LINES)
                .extract()
                .asString();

        List<String> lines = export.lines().toList();
        assertThat(lines).hasSize(9);
        ChainVerifier offline = new ChainVerifier(tenant.id(), null);
        for (String line : lines) {
            offline.accept(fromExport(JSON.readTree(line)));
        }
        JsonNode last = JSON.readTree(lines.get(lines.size() - 1));
        VerificationResult result = offline.finish(new io.atc.audit.verify.ChainHead(
                last.path("seq").asLong(),
                HexFormat.of().parseHex(last.path("hash").asText())));
        assertThat(result.ok()).as(result.toString()).isTrue();
        assertThat(result.verifiedThroughSeq()).isEqualTo(8);
    }

    @Test
    void anExportRangeIsBoundedAndValidated() {
        AuditedTenant tenant = AuditedTenant.withEvents(transactions, 3);

        String part = given().auth()
                .oauth2(tenant.token())
                .queryParam("from_seq", 1)
                .queryParam("to_seq", 2)
                .get("/v1/audit/export")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(part.lines()).hasSize(2);
        given().auth()
                .oauth2(tenant.token())
                .queryParam("from_seq", 5)
                .queryParam("to_seq", 2)
                .get("/v1/audit/export")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(tenant.token())
                .queryParam("from_seq", 0)
                .queryParam("to_seq", 10_000_000)
                .get("/v1/audit/export")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("to_seq"));
    }

    @Test
    void readingNeedsAuditReadAndErasingNeedsAuditErase() {
        AuditedTenant tenant = AuditedTenant.withEvents(transactions, 1);
        String reader = io.atc.testkit.identity.InternalTokens.forTenant(tenant.id(), "audit:read");
        given().auth().oauth2(reader).get("/v1/audit/events").then().statusCode(200);
        given().auth().oauth2(reader).post("/v1/audit/verify").then().statusCode(200);
        given().auth()
                .oauth2(reader)
                .contentType("application/json")
                .body("{\"eventSeqs\":[1],\"reason\":\"x\"}")
                .post("/v1/audit/erasures")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(io.atc.testkit.identity.InternalTokens.forTenant(tenant.id(), "sites:read"))
                .get("/v1/audit/events")
                .then()
                .statusCode(403);
    }

    /** An auditor's parser: every field the hash covers comes from the line itself. */
    private static ChainRecord fromExport(JsonNode line) {
        HexFormat hex = HexFormat.of();
        JsonNode payload = line.get("payload");
        return new ChainRecord(
                line.path("seq").asLong(),
                line.path("version").asInt(),
                hex.parseHex(line.path("prevHash").asText()),
                hex.parseHex(line.path("hash").asText()),
                Instant.parse(line.path("occurredAt").asText()),
                line.path("actor").asText(),
                line.path("action").asText(),
                line.path("target").asText(),
                payload == null ? null : payload.toString(),
                line.hasNonNull("payloadSalt")
                        ? hex.parseHex(line.path("payloadSalt").asText())
                        : null,
                hex.parseHex(line.path("payloadHash").asText()),
                line.hasNonNull("tombstonedAt")
                        ? Instant.parse(line.path("tombstonedAt").asText())
                        : null);
    }
}
