package io.atc.console.retention;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.atc.console.support.FakeGateway;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * "Preview these values" on a site's retention form asks the API's what-if preview with what was typed
 * (an empty field as "inherit") and shows its counts with the typed values kept, and saves nothing: no PUT
 * reaches the gateway. A value the API refuses is its 422 with the detail, still nothing saved; the form
 * still needs its CSRF token. Breaks when: the preview button saves, the what-if is dropped (the saved
 * values' counts shown as the typed ones'), or typed text is put into the API's query unencoded.
 */
@QuarkusTest
@QuarkusTestResource(value = FakeGateway.class, restrictToAnnotatedClass = true)
class PreviewingTypedRetentionSavesNothingTests {

    private static final String SITE = "0b6f5d3e-8c1a-4f2b-9d7e-2a4c6e8f0b1d";
    private static final String PAGE = "/console/sites/" + SITE + "/retention";
    private static final String API = "/v1/sites/" + SITE + "/retention";

    @BeforeEach
    void scenario() {
        FakeGateway.reset();
        FakeGateway.answer(
                "GET /v1/console/session",
                "{\"tenant\":\"3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a\",\"userId\":\"u\",\"scopes\":"
                        + "[\"retention:read\",\"retention:write\",\"sites:read\"],\"csrfToken\":\"c\"}");
        FakeGateway.answer(
                "GET " + API,
                "{\"events\":{\"days\":30,\"source\":\"site\",\"own\":30},"
                        + "\"images\":{\"days\":30,\"source\":\"site\",\"own\":30}}");
        FakeGateway.answer("GET /v1/sites/" + SITE, "{\"id\":\"" + SITE + "\",\"name\":\"Rotterdam depot\"}");
        FakeGateway.answer("GET /v1/retention/runs", "{\"items\":[],\"next\":null}");
        FakeGateway.answer(
                "GET /v1/retention/defaults",
                "{\"events\":{\"days\":90,\"source\":\"tenant\",\"own\":90},"
                        + "\"images\":{\"days\":90,\"source\":\"platform\",\"own\":null}}");
        FakeGateway.answer("GET " + API + "/preview", preview(30, "site", 0));
        FakeGateway.answer("GET " + API + "/preview?eventsDays=7&imagesDays=inherit", preview(7, "site", 1234));
        FakeGateway.answerWith(
                "GET " + API + "/preview?eventsDays=two+weeks%26imagesDays%3D1&imagesDays=inherit",
                request -> new FakeGateway.Reply(
                        422,
                        "{\"status\":422,\"detail\":\"eventsDays: must be whole days from 1 to 3650, or inherit\"}"));
    }

    @Test
    void theTypedValuesAreCountedShownAndNotSaved() {
        Response page = preview("7", "");
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.asString();
        assertThat(html)
                .contains("id=\"what-if\"", "with the values typed", "1234")
                .contains(
                        "id=\"site-events\" name=\"eventsDays\" inputmode=\"numeric\" autocomplete=\"off\" value=\"7\"");
        assertThat(FakeGateway.requests())
                .contains("GET " + API + "/preview?eventsDays=7&imagesDays=inherit")
                .noneMatch(request -> request.startsWith("PUT"));
    }

    @Test
    void aValueTheApiRefusesIsItsDetailAndNothingIsSaved() {
        Response page = preview("two weeks&imagesDays=1", "");
        assertThat(page.statusCode()).isEqualTo(422);
        assertThat(page.asString())
                .contains("must be whole days from 1 to 3650")
                .contains("nothing was saved")
                .contains("value=\"two weeks&amp;imagesDays=1\"");
        assertThat(FakeGateway.requests()).noneMatch(request -> request.startsWith("PUT"));
    }

    @Test
    void withoutTheFormsTokenNothingIsAsked() {
        FakeGateway.forgetRequests();
        Response refused = given().cookie("__Host-atc_session", "s")
                .cookie("__Host-atc_csrf", "c")
                .formParam("csrf", "not the token")
                .formParam("eventsDays", "7")
                .formParam("intent", "preview")
                .post(PAGE);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(FakeGateway.requests()).isEmpty();
    }

    @Test
    void theSavedPageCountsTheSavedValues() {
        String html = given().cookie("__Host-atc_session", "s")
                .cookie("__Host-atc_csrf", "c")
                .get(PAGE)
                .asString();
        assertThat(html).doesNotContain("id=\"what-if\"").contains("with the saved settings");
        assertThat(FakeGateway.requests()).contains("GET " + API + "/preview");
    }

    private static Response preview(String events, String images) {
        return given().cookie("__Host-atc_session", "s")
                .cookie("__Host-atc_csrf", "c")
                .formParam("csrf", "c")
                .formParam("eventsDays", events)
                .formParam("imagesDays", images)
                .formParam("intent", "preview")
                .redirects()
                .follow(false)
                .post(PAGE);
    }

    private static String preview(int days, String source, long count) {
        String kind = "{\"days\":" + days + ",\"source\":\"" + source + "\",\"cutoff\":\"2026-11-28T07:00:00Z\","
                + "\"count\":" + count + ",\"bytes\":0,\"oldestReceivedAt\":null,\"newestReceivedAt\":null}";
        return "{\"siteId\":\"" + SITE + "\",\"at\":\"2026-12-05T07:00:00Z\",\"siteHeld\":false,\"siteHolds\":[],"
                + "\"heldDevices\":[],\"events\":" + kind + ",\"images\":" + kind + "}";
    }
}
