package io.atc.console.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.atc.console.support.FakeGateway;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The audit page against a stand-in gateway: the filter form's values reach the API's query encoded, are
 * shown again (escaped) and ride on the next page's link; the API's 422 for a filter is an alert with the
 * 422 status and the typed values kept. Breaks when: a filter is dropped, reshapes the API path, is not
 * escaped, or a refusal becomes a 200 or a 5xx.
 */
@QuarkusTest
@QuarkusTestResource(value = FakeGateway.class, restrictToAnnotatedClass = true)
class AuditPageFiltersTests {

    private static final String EVENT = "{\"seq\":7,\"version\":1,\"occurredAt\":\"2026-03-01T12:30:00Z\","
            + "\"actor\":\"user:1\",\"action\":\"key.created\",\"target\":\"key:2\",\"hash\":\"aa\","
            + "\"prevHash\":\"bb\",\"payload\":{},\"payloadSalt\":\"cc\",\"payloadHash\":\"dd\"}";

    @BeforeEach
    void gateway() {
        FakeGateway.reset();
        FakeGateway.answer(
                "GET /v1/console/session",
                "{\"tenant\":\"6f1c2a4e-9b1d-4c52-8f3e-2a7d5b0c9e14\",\"userId\":\"u\","
                        + "\"scopes\":[\"audit:read\"],\"csrfToken\":\"c\"}");
        FakeGateway.answerWith(
                "GET /v1/audit/events",
                seen -> seen.pathAndQuery().contains("since=yesterday")
                        ? new FakeGateway.Reply(
                                422,
                                "{\"type\":\"urn:atc:problem:invalid-input\",\"status\":422,\"detail\":\"since: must be an"
                                        + " ISO-8601 instant with an offset\",\"errors\":[{\"field\":\"since\"}]}")
                        : new FakeGateway.Reply(200, "{\"items\":[" + EVENT + "],\"next\":\"c2VxOjc\"}"));
    }

    @Test
    void filtersReachTheApiAndStayOnTheNextLink() {
        String page = auditPage("/console/audit?limit=10&action=key.created&actor=%3Cb%3E%26x&since=2026-03-01T12:00")
                .statusCode(200)
                .extract()
                .asString();
        assertThat(lastAuditCall())
                .isEqualTo("/v1/audit/events?limit=10&action=key.created&actor=%3Cb%3E%26x&since=2026-03-01T12%3A00Z");
        assertThat(page)
                .contains("value=\"key.created\"")
                .contains("value=\"&lt;b&gt;&amp;x\"")
                .doesNotContain("<b>&x")
                .contains("id=\"clear-filters\"")
                .contains("href=\"/console/audit?limit=10&amp;after=c2VxOjc&amp;back=%7E&amp;action=key.created"
                        + "&amp;actor=%3Cb%3E%26x&amp;since=2026-03-01T12%3A00\"");
    }

    @Test
    void noFilterMeansNoneSentAndNoClearLink() {
        String page = auditPage("/console/audit?action=&actor=+&since=&until=")
                .statusCode(200)
                .extract()
                .asString();
        assertThat(lastAuditCall()).isEqualTo("/v1/audit/events?limit=50");
        assertThat(page).doesNotContain("id=\"clear-filters\"");
    }

    @Test
    void theApisRefusalIsAnAlertWithItsStatusAndTheTypedValues() {
        String page = auditPage("/console/audit?action=key.created&since=yesterday")
                .statusCode(422)
                .extract()
                .asString();
        assertThat(page)
                .contains("role=\"alert\"")
                .contains("since: must be an ISO-8601 instant")
                .contains("value=\"yesterday\"")
                .contains("value=\"key.created\"");
    }

    private static io.restassured.response.ValidatableResponse auditPage(String path) {
        return given().urlEncodingEnabled(false)
                .cookie("__Host-atc_session", "s")
                .cookie("__Host-atc_csrf", "c")
                .get(path)
                .then();
    }

    private static String lastAuditCall() {
        return FakeGateway.seen().stream()
                .map(FakeGateway.Seen::pathAndQuery)
                .filter(path -> path.startsWith("/v1/audit/events"))
                .reduce((first, second) -> second)
                .orElseThrow();
    }
}
