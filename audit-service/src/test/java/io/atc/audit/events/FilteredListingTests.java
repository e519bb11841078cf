package io.atc.audit.events;

import static io.atc.testkit.sweep.RefusedText.assertRefusedNaming;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.atc.audit.AuditServiceTestResources;
import io.atc.core.audit.AuditEntry;
import io.atc.core.tenancy.Audited;
import io.atc.core.tenancy.TenantTransactions;
import io.atc.testkit.identity.InternalTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * The listing's filters (action, actor, since, until) each alone and together, paged with the seq cursor
 * without gaps or duplicates, only ever over the caller's tenant; a bad filter is a 422 naming it.
 */
@QuarkusTest
@QuarkusTestResource(AuditServiceTestResources.class)
class FilteredListingTests {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ALICE = "user:" + UUID.randomUUID();
    private static final String KEY = "key:" + UUID.randomUUID();

    /** seq 1..12: key.created by the key at odd seqs, key.revoked by Alice at even ones, site.created at 12. */
    private static final List<String[]> EVENTS = List.of(
            new String[] {KEY, "key.created"},
            new String[] {ALICE, "key.revoked"},
            new String[] {KEY, "key.created"},
            new String[] {ALICE, "key.revoked"},
            new String[] {KEY, "key.created"},
            new String[] {ALICE, "key.revoked"},
            new String[] {KEY, "key.created"},
            new String[] {ALICE, "key.revoked"},
            new String[] {KEY, "key.created"},
            new String[] {ALICE, "key.revoked"},
            new String[] {KEY, "key.created"},
            new String[] {ALICE, "site.created"});

    @Inject
    TenantTransactions transactions;

    @Test
    void eachFilterAloneAndTogether() {
        UUID tenant = tenantWithEvents();

        assertThat(seqs(tenant, Map.of("action", "key.created"), 1000)).containsExactly(1L, 3L, 5L, 7L, 9L, 11L);
        assertThat(seqs(tenant, Map.of("action", "key.*"), 1000))
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        assertThat(seqs(tenant, Map.of("action", "key"), 1000)).isEmpty();
        assertThat(seqs(tenant, Map.of("actor", ALICE), 1000)).containsExactly(2L, 4L, 6L, 8L, 10L, 12L);
        assertThat(seqs(tenant, Map.of("actor", ALICE, "action", "key.revoked"), 1000))
                .containsExactly(2L, 4L, 6L, 8L, 10L);

        String fourth = occurredAt(tenant, 4);
        String ninth = occurredAt(tenant, 9);
        assertThat(seqs(tenant, Map.of("since", fourth), 1000)).containsExactly(4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
        assertThat(seqs(tenant, Map.of("until", ninth), 1000)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(seqs(tenant, Map.of("since", fourth, "until", ninth), 1000)).containsExactly(4L, 5L, 6L, 7L, 8L);
        assertThat(seqs(tenant, Map.of("since", fourth, "until", ninth, "action", "key.created", "actor", KEY), 1000))
                .containsExactly(5L, 7L);
        assertThat(seqs(tenant, Map.of("action", "", "actor", ""), 1000)).hasSize(13);
    }

    @Test
    void pagingThroughAFilteredListingKeepsTheFilter() {
        UUID tenant = tenantWithEvents();

        for (int limit : List.of(1, 2, 4)) {
            assertThat(seqs(tenant, Map.of("action", "key.created"), limit))
                    .as("limit " + limit)
                    .containsExactly(1L, 3L, 5L, 7L, 9L, 11L);
            assertThat(seqs(tenant, Map.of("actor", ALICE, "since", occurredAt(tenant, 3)), limit))
                    .as("limit " + limit)
                    .containsExactly(4L, 6L, 8L, 10L, 12L);
        }
    }

    @Test
    void anotherTenantsEventsNeverAppearWhateverTheFilter() {
        UUID a = tenantWithEvents();
        UUID b = tenantWithEvents();

        for (Map<String, String> filter : List.of(
                Map.of("action", "key.created"),
                Map.of("action", "key.*"),
                Map.of("actor", KEY),
                Map.of("since", "2000-01-01T00:00:00Z"))) {
            List<String> tenants = new ArrayList<>();
            String after = null;
            do {
                RequestSpecification request = as(a).queryParams(filter).queryParam("limit", 3);
                if (after != null) {
                    request.queryParam("after", after);
                }
                ValidatableResponse page =
                        request.get("/v1/audit/events").then().statusCode(200);
                tenants.addAll(page.extract().path("items.tenant"));
                after = page.extract().path("next");
            } while (after != null);
            assertThat(tenants).as(filter.toString()).isNotEmpty().containsOnly(a.toString());
        }
        assertThat(seqs(b, Map.of("action", "key.created"), 1000)).containsExactly(1L, 3L, 5L, 7L, 9L, 11L);
    }

    @Test
    void aBadFilterIsA422NamingIt() {
        UUID tenant = tenantWithEvents();

        for (String name : List.of("action", "actor")) {
            refused(tenant, Map.of(name, "x".repeat(3_000)), name);
            // Past the HTTP server's 4096-byte request line, before any resource: 414, never a 500.
            as(tenant)
                    .queryParam(name, "x".repeat(10_000))
                    .get("/v1/audit/events")
                    .then()
                    .statusCode(414);
            refused(tenant, Map.of(name, "x".repeat(201)), name);
            refused(tenant, Map.of(name, "key.created\nforged"), name);
            refused(tenant, Map.of(name, "key\u0007"), name);
            assertRefusedNaming(
                    as(tenant)
                            .queryParam(name, "a\u0000b")
                            .get("/v1/audit/events")
                            .then(),
                    name);
            as(tenant)
                    .queryParam(name, "x".repeat(200))
                    .get("/v1/audit/events")
                    .then()
                    .statusCode(200);
        }
        refused(tenant, Map.of("action", "*"), "action");
        refused(tenant, Map.of("action", ".*"), "action");
        refused(tenant, Map.of("action", "key*"), "action");
        refused(tenant, Map.of("action", "k*y.created"), "action");
        for (String name : List.of("since", "until")) {
            refused(tenant, Map.of(name, "yesterday"), name);
            refused(tenant, Map.of(name, "2026-03-01T12:00:00"), name);
            refused(tenant, Map.of(name, "2026-13-01T12:00:00Z"), name);
            refused(tenant, Map.of(name, "+20000-01-01T00:00:00Z"), name);
            refused(tenant, Map.of(name, "2".repeat(3_000)), name);
            as(tenant)
                    .queryParam(name, "2".repeat(10_000))
                    .get("/v1/audit/events")
                    .then()
                    .statusCode(414);
            assertRefusedNaming(
                    as(tenant)
                            .queryParam(name, "2026-03-01T12:00:00Z\u0000")
                            .get("/v1/audit/events")
                            .then(),
                    name);
        }
        refused(tenant, Map.of("since", "2026-03-01T12:00:00Z", "until", "2026-03-01T12:00:00Z"), "until");
        refused(tenant, Map.of("since", "2026-03-02T00:00:00Z", "until", "2026-03-01T00:00:00Z"), "until");
        // An offset's "+" left unencoded in a URL arrives as a space: still the instant meant.
        as(tenant)
                .urlEncodingEnabled(false)
                .get("/v1/audit/events?since=2026-03-01T12:00:00+02:00")
                .then()
                .statusCode(200);
    }

    private UUID tenantWithEvents() {
        UUID id = UUID.randomUUID();
        transactions.createTenant(id, "Filtered " + id).await().atMost(WAIT);
        for (String[] event : EVENTS) {
            transactions
                    .mutate(id, sql -> sql.execute("select 1")
                            .map(rows -> Audited.of(
                                    0, new AuditEntry(event[0], event[1], "key:" + UUID.randomUUID(), Map.of()))))
                    .await()
                    .atMost(WAIT);
        }
        return id;
    }

    private static RequestSpecification as(UUID tenant) {
        return given().auth().oauth2(InternalTokens.forTenant(tenant));
    }

    /** Every seq of the filtered listing, following {@code next} with the same filter until the end. */
    private static List<Long> seqs(UUID tenant, Map<String, String> filter, int limit) {
        List<Long> seqs = new ArrayList<>();
        String after = null;
        do {
            RequestSpecification request = as(tenant).queryParams(filter).queryParam("limit", limit);
            if (after != null) {
                request.queryParam("after", after);
            }
            ValidatableResponse page = request.get("/v1/audit/events").then().statusCode(200);
            List<Integer> items = page.extract().path("items.seq");
            assertThat(items.size()).isLessThanOrEqualTo(limit);
            items.forEach(seq -> seqs.add(seq.longValue()));
            after = page.extract().path("next");
        } while (after != null);
        return seqs;
    }

    private static String occurredAt(UUID tenant, long seq) {
        return as(tenant)
                .get("/v1/audit/events/" + seq)
                .then()
                .statusCode(200)
                .extract()
                .path("occurredAt");
    }

    private static void refused(UUID tenant, Map<String, String> filter, String name) {
        as(tenant)
                .queryParams(filter)
                .get("/v1/audit/events")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:atc:problem:invalid-input"))
                .body("errors.field", hasItem(name));
    }
}
