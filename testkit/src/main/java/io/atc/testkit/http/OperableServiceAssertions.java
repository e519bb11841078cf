package io.atc.testkit.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;

/**
 * What every ATC service promises operators: liveness and readiness (readiness includes the
 * database), Prometheus metrics and an OpenAPI document on its management interface, problem+json
 * for unknown routes, and nothing of the management surface on its API port.
 */
public final class OperableServiceAssertions {

    /** Everything Quarkus could serve under /q: none of it may answer on the API port. */
    private static final List<String> MANAGEMENT_PATHS = List.of(
            "/q/health",
            "/q/health/live",
            "/q/health/ready",
            "/q/health/started",
            "/q/metrics",
            "/q/openapi",
            "/q/openapi.json",
            "/q/openapi?format=json",
            "/q/swagger-ui",
            "/q/info",
            "/q/dev-ui",
            "/q/",
            "/q");

    private OperableServiceAssertions() {}

    public static void assertOperable(String openApiTitle) {
        assertOperable(openApiTitle, "http_server_requests_seconds");
    }

    /** @param requestMetric the Prometheus name of the service's per-request timer (the gateway times proxied requests itself) */
    public static void assertOperable(String openApiTitle, String requestMetric) {
        ManagementInterface.given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        ManagementInterface.given()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("PostgreSQL")));
        given().get("/v1/no-such-route")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
        ManagementInterface.given()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("jvm_memory_used_bytes"))
                .body(containsString(requestMetric));
        ManagementInterface.given()
                .queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("info.title", equalTo(openApiTitle));
    }

    /**
     * The API port (RestAssured's default target in the test) answers 404 for every management path,
     * with any method, while the management interface, on its own port, serves them.
     */
    public static void assertManagementOnlyOnItsOwnPort() {
        for (String path : MANAGEMENT_PATHS) {
            given().urlEncodingEnabled(false).get(path).then().statusCode(404);
            given().urlEncodingEnabled(false).head(path).then().statusCode(404);
        }
        given().post("/q/health").then().statusCode(404);
        given().header("Accept", "application/json").get("/q/metrics").then().statusCode(404);
        ManagementInterface.given().get("/q/health").then().statusCode(200);
        ManagementInterface.given().get("/q/metrics").then().statusCode(200);
        ManagementInterface.given().get("/q/openapi").then().statusCode(200);
    }
}
