package io.atc.keys.apikeys.usage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.atc.keys.KeysServiceTestResources;
import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The gateways' reports of key uses (POST /internal/v1/keys/usage) show in the keys API as
 * {@code lastUsedAt} and {@code lastUsedFrom}; the write is coarse whatever the gateways send (a
 * report within a minute of the stored use, or older, writes nothing: several replicas make one
 * write per key per minute), only the gateway may report, and an entry can reach only a key of the
 * tenant it names.
 * Breaks when: the update loses its minute guard or its tenant binding, or the endpoint admits a
 * tenant's token.
 */
@QuarkusTest
@QuarkusTestResource(KeysServiceTestResources.class)
class KeyUsesAreRecordedCoarselyTests {

    private static SyntheticOrganisations orgs;

    @BeforeAll
    static void orgs() {
        orgs = SyntheticOrganisations.in(TestDatabase.shared());
    }

    @Test
    void aReportedUseShowsInTheKeysApi() {
        UUID tenant = orgs.a().tenantId();
        String key = newKey(tenant, "reported");
        given().auth()
                .oauth2(InternalTokens.forTenant(tenant))
                .get("/v1/keys/{id}", key)
                .then()
                .statusCode(200)
                .body("lastUsedAt", nullValue())
                .body("lastUsedFrom", nullValue())
                .body("unused", equalTo(false));
        OffsetDateTime at = minutesAgo(5);

        report(use(tenant, key, at, "2001:DB8:0:0:0:0:0:7"));

        JsonPath shown = get(tenant, key);
        assertThat(OffsetDateTime.parse(shown.getString("lastUsedAt"))).isAtSameInstantAs(at);
        assertThat(shown.getString("lastUsedFrom")).as("canonical").isEqualTo("2001:db8::7");
        given().auth()
                .oauth2(InternalTokens.forTenant(tenant))
                .get("/v1/keys?limit=500")
                .then()
                .statusCode(200)
                .body("items.find { it.id == '" + key + "' }.lastUsedFrom", equalTo("2001:db8::7"));
    }

    @Test
    void usesWithinAMinuteOfTheStoredOneWriteNothing() {
        UUID tenant = orgs.a().tenantId();
        String key = newKey(tenant, "busy");
        OffsetDateTime first = minutesAgo(10);
        report(use(tenant, key, first, "203.0.113.7"));
        long version = rowVersion(tenant, key);

        // Three replicas report the same key within its minute, and one replays an old report.
        report(
                use(tenant, key, first.plusSeconds(20), "203.0.113.8"),
                use(tenant, key, first.plusSeconds(59), "203.0.113.9"));
        report(use(tenant, key, first.plusSeconds(40), "203.0.113.10"));
        report(use(tenant, key, first.minusHours(1), "203.0.113.11"));

        assertThat(rowVersion(tenant, key))
                .as("no new row version: nothing written")
                .isEqualTo(version);
        assertThat(OffsetDateTime.parse(get(tenant, key).getString("lastUsedAt")))
                .isAtSameInstantAs(first);
        assertThat(get(tenant, key).getString("lastUsedFrom")).isEqualTo("203.0.113.7");

        report(use(tenant, key, first.plusSeconds(61), "203.0.113.12"));

        assertThat(OffsetDateTime.parse(get(tenant, key).getString("lastUsedAt")))
                .isAtSameInstantAs(first.plusSeconds(61));
        assertThat(get(tenant, key).getString("lastUsedFrom")).isEqualTo("203.0.113.12");
    }

    @Test
    void aTimeInTheFutureIsTakenAsNow() {
        UUID tenant = orgs.a().tenantId();
        String key = newKey(tenant, "fast clock");

        report(use(tenant, key, OffsetDateTime.now(ZoneOffset.UTC).plusDays(30), null));

        assertThat(OffsetDateTime.parse(get(tenant, key).getString("lastUsedAt")))
                .isBefore(OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(5));
        report(use(tenant, key, OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(5), null));
        assertThat(get(tenant, key).getString("lastUsedFrom")).isNull();
    }

    @Test
    void anEntryNamingAnotherTenantChangesNothing() {
        UUID a = orgs.a().tenantId();
        UUID b = orgs.b().tenantId();
        String bsKey = newKey(b, "B's key");
        long version = rowVersion(b, bsKey);

        report(
                use(a, bsKey, minutesAgo(3), "198.51.100.1"),
                use(UUID.randomUUID(), bsKey, minutesAgo(2), "198.51.100.2"));

        assertThat(rowVersion(b, bsKey)).isEqualTo(version);
        given().auth()
                .oauth2(InternalTokens.forTenant(b))
                .get("/v1/keys/{id}", bsKey)
                .then()
                .statusCode(200)
                .body("lastUsedAt", nullValue())
                .body("lastUsedFrom", nullValue());
    }

    @Test
    void onlyTheGatewayMayReport() {
        UUID tenant = orgs.a().tenantId();
        String key = newKey(tenant, "not by tenants");
        Map<String, Object> body = Map.of("uses", List.of(use(tenant, key, minutesAgo(1), "192.0.2.1")));

        given().auth()
                .oauth2(InternalTokens.forTenant(tenant))
                .contentType("application/json")
                .body(body)
                .post("/internal/v1/keys/usage")
                .then()
                .statusCode(403);
        given().contentType("application/json")
                .body(body)
                .post("/internal/v1/keys/usage")
                .then()
                .statusCode(401);

        given().auth()
                .oauth2(InternalTokens.forTenant(tenant))
                .get("/v1/keys/{id}", key)
                .then()
                .body("lastUsedAt", nullValue());
    }

    @Test
    void badReportsAreA422NamingTheFieldAndWriteNothing() {
        UUID tenant = orgs.a().tenantId();
        String key = newKey(tenant, "bad reports");

        assertInvalid(
                Map.of(
                        "uses",
                        List.of(
                                use(tenant, key, minutesAgo(1), "192.0.2.1"),
                                use(tenant, key, minutesAgo(1), "not-an-address"))),
                "uses[1].from");
        assertInvalid(Map.of("uses", List.of(use(tenant, key, minutesAgo(1), "fe80::1%eth0"))), "uses[0].from");
        assertInvalid(Map.of("uses", List.of()), "uses");
        assertInvalid(Map.of("uses", Collections.nCopies(1001, use(tenant, key, minutesAgo(1), null))), "uses");
        Map<String, Object> noKey = new LinkedHashMap<>(use(tenant, key, minutesAgo(1), null));
        noKey.remove("keyId");
        assertInvalid(Map.of("uses", List.of(noKey)), "keyId");

        given().auth()
                .oauth2(InternalTokens.forTenant(tenant))
                .get("/v1/keys/{id}", key)
                .then()
                .body("lastUsedAt", nullValue());
    }

    private static void assertInvalid(Map<String, Object> body, String field) {
        given().auth()
                .oauth2(InternalTokens.forGateway())
                .contentType("application/json")
                .body(body)
                .post("/internal/v1/keys/usage")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    @SafeVarargs
    static void report(Map<String, Object>... uses) {
        given().auth()
                .oauth2(InternalTokens.forGateway())
                .contentType("application/json")
                .body(Map.of("uses", new ArrayList<>(List.of(uses))))
                .post("/internal/v1/keys/usage")
                .then()
                .statusCode(204);
    }

    static Map<String, Object> use(UUID tenant, String keyId, OffsetDateTime at, String from) {
        Map<String, Object> use = new LinkedHashMap<>();
        use.put("tenantId", tenant.toString());
        use.put("keyId", keyId);
        use.put("at", at.toString());
        if (from != null) {
            use.put("from", from);
        }
        return use;
    }

    static String newKey(UUID tenant, String name) {
        return given().auth()
                .oauth2(InternalTokens.forTenant(tenant))
                .contentType("application/json")
                .body(Map.of("name", name, "scopes", List.of("keys:read")))
                .post("/v1/keys")
                .then()
                .statusCode(201)
                .extract()
                .path("apiKey.id");
    }

    static JsonPath get(UUID tenant, String key) {
        return given().auth()
                .oauth2(InternalTokens.forTenant(tenant))
                .get("/v1/keys/{id}", key)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Microseconds, as Postgres keeps them. */
    static OffsetDateTime minutesAgo(int minutes) {
        return OffsetDateTime.now(ZoneOffset.UTC)
                .minus(Duration.ofMinutes(minutes))
                .truncatedTo(ChronoUnit.MICROS);
    }

    /** The row's xmin: it moves with every write of the row, even one that changes no value. */
    private static long rowVersion(UUID tenant, String key) {
        return SyntheticOrganisations.countAsTenant(
                tenant, "select xmin::text::bigint from keys.api_keys where key_id = ?::uuid", key);
    }
}
