package io.atc.testkit.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * What every ATC service promises operators: liveness and readiness (readiness includes the
 * database), Prometheus metrics and an OpenAPI document, and problem+json for unknown routes.
 */
public final class OperableServiceAssertions {

    private OperableServiceAssertions() {}

    public static void assertOperable(String openApiTitle) {
        assertOperable(openApiTitle, "http_server_requests_seconds");
    }

    /** @param requestMetric the Prometheus name of the service's per-request timer (the gateway times proxied requests itself) */
    public static void assertOperable(String openApiTitle, String requestMetric) {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("PostgreSQL")));
        given().get("/v1/no-such-route")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("jvm_memory_used_bytes"))
                .body(containsString(requestMetric));
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("info.title", equalTo(openApiTitle));
    }
}
