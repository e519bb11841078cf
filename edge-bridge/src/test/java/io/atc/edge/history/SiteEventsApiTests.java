package io.atc.edge.history;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.atc.core.audit.RowIdsDigest;
import io.atc.core.paging.PageCursor;
import io.atc.edge.support.EdgeBridgeTestResources;
import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.orgs.SyntheticOrganisation;
import io.atc.testkit.orgs.SyntheticOrganisations;
import io.atc.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * GET /v1/sites/{siteId}/events and /events/{eventId}?deviceId=: newest first, filtered by time range,
 * device and type, in keyset pages that neither skip nor repeat a row, rows sharing a timestamp and
 * rows ingested between two pages included; bad parameters are 4xx naming them.
 * Breaks when: the order or the cursor leaves out a key column (rows sharing occurred_at are skipped
 * or repeated), the cursor is an offset (a row ingested between pages shifts the next page), a bound
 * is inclusive where it should be exclusive, or a parameter is converted by JAX-RS (a bare 404).
 */
@QuarkusTest
@QuarkusTestResource(EdgeBridgeTestResources.class)
class SiteEventsApiTests {

    private static final OffsetDateTime NOON = OffsetDateTime.of(2026, 3, 1, 12, 0, 0, 0, ZoneOffset.UTC);

    private SyntheticOrganisation org;
    private UUID site;

    @BeforeEach
    void organisation() {
        org = SyntheticOrganisations.create(TestDatabase.shared(), "Events org");
        site = org.siteIds().get(0);
    }

    @Test
    void eventsComeNewestFirstWithWhatTheDeviceSent() {
        UUID device = UUID.randomUUID();
        UUID image = UUID.randomUUID();
        UUID older = HistoryRows.event(org.tenantId(), site, device, NOON, "door.opened");
        UUID newer = HistoryRows.event(
                org.tenantId(),
                site,
                device,
                UUID.randomUUID(),
                NOON.plusSeconds(1).plusNanos(250_000_000),
                "motion.detected",
                "{\"zone\": \"gate 3\", \"confidence\": 0.97, \"tags\": [\"a\"]}",
                image);

        list(Query.all())
                .statusCode(200)
                .body("items.eventId", equalTo(List.of(newer.toString(), older.toString())))
                .body("items[0].deviceId", equalTo(device.toString()))
                .body("items[0].siteId", equalTo(site.toString()))
                .body("items[0].type", equalTo("motion.detected"))
                .body("items[0].occurredAt", equalTo("2026-03-01T12:00:01.25Z"))
                .body("items[0].receivedAt", notNullValue())
                .body("items[0].body.zone", equalTo("gate 3"))
                .body("items[0].body.tags", equalTo(List.of("a")))
                .body("items[0].imageId", equalTo(image.toString()))
                .body("items[0].imageUrl", equalTo("/v1/sites/" + site + "/images/" + image + "?deviceId=" + device))
                .body("items[1].imageId", nullValue())
                .body("items[1].imageUrl", nullValue())
                .body("items[1].body.n", equalTo(1))
                .body("next", nullValue());
    }

    @Test
    void filtersNarrowByTimeRangeDeviceAndExactType() {
        UUID one = UUID.randomUUID();
        UUID two = UUID.randomUUID();
        UUID atNoon = HistoryRows.event(org.tenantId(), site, one, NOON, "motion");
        UUID justBefore = HistoryRows.event(org.tenantId(), site, one, NOON.minusNanos(1000), "motion");
        UUID atOne = HistoryRows.event(org.tenantId(), site, two, NOON.plusHours(1), "motion.detected");
        UUID later = HistoryRows.event(org.tenantId(), site, two, NOON.plusHours(2), "motion");

        assertThat(ids(Query.all().with("from", "2026-03-01T12:00:00Z").with("to", "2026-03-01T13:00:00Z")))
                .as("from is inclusive, to exclusive")
                .containsExactly(atNoon);
        assertThat(ids(Query.all().with("from", "2026-03-01T13:00:00+01:00")))
                .as("an offset is honoured")
                .containsExactly(later, atOne, atNoon);
        assertThat(ids(Query.all().with("from", "2026-03-01T13:00:00 01:00")))
                .as("an unencoded + decoded as a space")
                .containsExactly(later, atOne, atNoon);
        assertThat(ids(Query.all().with("to", "2026-03-01T12:00:00Z"))).containsExactly(justBefore);
        assertThat(ids(Query.all().with("deviceId", two.toString()))).containsExactly(later, atOne);
        assertThat(ids(Query.all().with("type", "motion"))).containsExactly(later, atNoon, justBefore);
        assertThat(ids(Query.all().with("type", "motion.detected"))).containsExactly(atOne);
        assertThat(ids(Query.all().with("type", "motion%")))
                .as("no pattern matching")
                .isEmpty();
        assertThat(ids(Query.all()
                        .with("deviceId", one.toString())
                        .with("type", "motion")
                        .with("from", "2026-03-01T12:00:00Z")))
                .containsExactly(atNoon);
    }

    @Test
    void pagesAcrossRowsSharingATimestampSkipAndRepeatNothing() {
        List<UUID> devices = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<Stored> stored = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            UUID device = devices.get(i % devices.size());
            OffsetDateTime at = i < 9 ? NOON : NOON.plusSeconds(i);
            stored.add(new Stored(HistoryRows.event(org.tenantId(), site, device, at, "t"), device, at));
        }
        List<UUID> expected = stored.stream()
                .sorted(Comparator.comparing(Stored::occurredAt)
                        .thenComparing(Stored::deviceId, RowIdsDigest::compareAsBytes)
                        .thenComparing(Stored::eventId, RowIdsDigest::compareAsBytes)
                        .reversed())
                .map(Stored::eventId)
                .toList();

        for (int limit : new int[] {1, 2, 5, 12}) {
            assertThat(allPages(Query.all(), limit)).as("pages of " + limit).isEqualTo(expected);
        }
        assertThat(allPages(Query.all().with("deviceId", devices.get(1).toString()), 2))
                .isEqualTo(expected.stream()
                        .filter(id -> stored.stream()
                                .anyMatch(s ->
                                        s.eventId().equals(id) && s.deviceId().equals(devices.get(1))))
                        .toList());
    }

    @Test
    void rowsIngestedBetweenPagesNeitherShiftNorRepeatAPage() {
        UUID device = UUID.randomUUID();
        List<UUID> firstRows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            firstRows.add(0, HistoryRows.event(org.tenantId(), site, device, NOON.plusSeconds(i), "t"));
        }
        JsonPath first =
                list(Query.all().with("limit", "3")).statusCode(200).extract().jsonPath();
        assertThat(first.getList("items.eventId", String.class)).hasSize(3);

        List<UUID> newer = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            newer.add(HistoryRows.event(org.tenantId(), site, UUID.randomUUID(), NOON.plusMinutes(10 + i), "t"));
        }
        UUID oldest = HistoryRows.event(org.tenantId(), site, device, NOON.minusDays(1), "t");

        List<UUID> rest = allPagesFrom(Query.all().with("limit", "3"), first.getString("next"));
        List<UUID> expectedRest = new ArrayList<>(firstRows.subList(3, 6));
        expectedRest.add(oldest);
        assertThat(rest).as("the pages after the first").isEqualTo(expectedRest);
        assertThat(rest).doesNotContainAnyElementsOf(newer);
    }

    @Test
    void oneEventIsReadByItsDeviceAndId() {
        UUID device = UUID.randomUUID();
        UUID event = HistoryRows.event(org.tenantId(), site, device, NOON, "door.opened");

        given().auth()
                .oauth2(token())
                .queryParam("deviceId", device)
                .get("/v1/sites/{siteId}/events/{eventId}", site, event)
                .then()
                .statusCode(200)
                .body("eventId", equalTo(event.toString()))
                .body("deviceId", equalTo(device.toString()))
                .body("type", equalTo("door.opened"))
                .body("body.n", equalTo(1));
        notFound(given().auth()
                .oauth2(token())
                .queryParam("deviceId", UUID.randomUUID())
                .get("/v1/sites/{siteId}/events/{eventId}", site, event)
                .then());
        notFound(given().auth()
                .oauth2(token())
                .queryParam("deviceId", device)
                .get("/v1/sites/{siteId}/events/{eventId}", site, UUID.randomUUID())
                .then());
        refusedNaming(
                given().auth()
                        .oauth2(token())
                        .get("/v1/sites/{siteId}/events/{eventId}", site, event)
                        .then(),
                400,
                "deviceId");
    }

    @Test
    void anUnknownSiteIsNotFoundRatherThanEmpty() {
        notFound(given().auth()
                .oauth2(token())
                .get("/v1/sites/{siteId}/events", UUID.randomUUID())
                .then());
        notFound(given().auth()
                .oauth2(token())
                .get("/v1/sites/not-a-site/events")
                .then());
    }

    @Test
    void malformedParametersAreRefusedNamingThem() {
        HistoryRows.event(org.tenantId(), site, UUID.randomUUID(), NOON, "t");
        String cursorOfAnotherList = PageCursor.BY_ID.encode(UUID.randomUUID());
        String forgedShape = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("events:99999999999999999999~x~y".getBytes(StandardCharsets.UTF_8));
        String outOfRange = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("events:" + Long.MAX_VALUE + "~" + UUID.randomUUID() + "~" + UUID.randomUUID())
                        .getBytes(StandardCharsets.UTF_8));
        for (String after : List.of("nope", "%%%", cursorOfAnotherList, forgedShape, outOfRange, "x".repeat(300))) {
            refusedNaming(list(Query.all().with("after", after)), 400, "after");
        }
        for (String limit : List.of("abc", "1.5", "99999999999")) {
            refusedNaming(list(Query.all().with("limit", limit)), 400, "limit");
        }
        refusedNaming(list(Query.all().with("limit", "0")), 422, "limit");
        refusedNaming(list(Query.all().with("limit", "201")), 422, "limit");
        for (String instant : List.of("yesterday", "2026-03-01", "2026-03-01T12:00:00", "2026-13-01T00:00:00Z")) {
            refusedNaming(list(Query.all().with("from", instant)), 400, "from");
            refusedNaming(list(Query.all().with("to", instant)), 400, "to");
        }
        refusedNaming(list(Query.all().with("from", "+10000-01-01T00:00:00Z")), 400, "from");
        refusedNaming(list(Query.all().with("to", "0000-01-01T00:00:00Z")), 400, "to");
        refusedNaming(
                list(Query.all().with("from", "2026-03-01T12:00:00Z").with("to", "2026-03-01T12:00:00Z")), 400, "from");
        refusedNaming(
                list(Query.all().with("from", "2026-03-02T00:00:00Z").with("to", "2026-03-01T00:00:00Z")), 400, "from");
        refusedNaming(list(Query.all().with("deviceId", "nope")), 400, "deviceId");
        refusedNaming(list(Query.all().with("type", "t".repeat(101))), 422, "type");
    }

    @Test
    void readingEventsNeedsTheEventsReadScope() {
        HistoryRows.event(org.tenantId(), site, UUID.randomUUID(), NOON, "t");
        String everythingElse = InternalTokens.forTenant(
                org.tenantId(), "sites:read", "devices:read", "images:read", "audit:read", "retention:read");
        given().auth()
                .oauth2(everythingElse)
                .get("/v1/sites/{siteId}/events", site)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", equalTo("This key lacks the events:read scope."));
        given().auth()
                .oauth2(InternalTokens.forTenant(org.tenantId(), "events:read"))
                .get("/v1/sites/{siteId}/events", site)
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1));
        given().get("/v1/sites/{siteId}/events", site).then().statusCode(401);
    }

    private List<UUID> allPages(Query query, int limit) {
        return allPagesFrom(query.with("limit", String.valueOf(limit)), null);
    }

    private List<UUID> allPagesFrom(Query query, String cursor) {
        List<UUID> ids = new ArrayList<>();
        String next = cursor;
        for (int pages = 0; pages < 100; pages++) {
            Query page = next == null ? query : query.with("after", next);
            JsonPath answer = list(page).statusCode(200).extract().jsonPath();
            answer.getList("items.eventId", String.class).forEach(id -> ids.add(UUID.fromString(id)));
            next = answer.getString("next");
            if (next == null) {
                return ids;
            }
        }
        throw new AssertionError("more than 100 pages");
    }

    private List<UUID> ids(Query query) {
        return allPages(query, 200);
    }

    private ValidatableResponse list(Query query) {
        return given().auth()
                .oauth2(token())
                .queryParams(query.parameters())
                .get("/v1/sites/{siteId}/events", site)
                .then();
    }

    private String token() {
        return InternalTokens.forTenant(org.tenantId(), "events:read");
    }

    static void notFound(ValidatableResponse response) {
        response.statusCode(404).contentType("application/problem+json");
    }

    static void refusedNaming(ValidatableResponse response, int status, String field) {
        response.statusCode(status).contentType("application/problem+json").body("errors[0].field", equalTo(field));
    }

    private record Stored(UUID eventId, UUID deviceId, OffsetDateTime occurredAt) {}

    private record Query(java.util.Map<String, String> parameters) {

        static Query all() {
            return new Query(java.util.Map.of());
        }

        Query with(String name, String value) {
            java.util.Map<String, String> more = new java.util.HashMap<>(parameters);
            more.put(name, value);
            return new Query(more);
        }
    }
}
