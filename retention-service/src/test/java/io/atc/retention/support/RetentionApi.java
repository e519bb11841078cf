package io.atc.retention.support;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.atc.testkit.identity.InternalTokens;
import io.restassured.response.Response;

/** The retention API as a tenant's admin key calls it. */
public final class RetentionApi {

    private RetentionApi() {}

    public static Response putSite(UUID tenant, UUID site, String body) {
        return given().auth()
                .oauth2(InternalTokens.forTenant(tenant))
                .contentType("application/json")
                .body(body)
                .put("/v1/sites/{siteId}/retention", site);
    }

    public static Response getSite(UUID tenant, UUID site) {
        return given().auth().oauth2(InternalTokens.forTenant(tenant)).get("/v1/sites/{siteId}/retention", site);
    }

    public static Response putTenantDefault(UUID tenant, String body) {
        return given().auth()
                .oauth2(InternalTokens.forTenant(tenant))
                .contentType("application/json")
                .body(body)
                .put("/v1/retention/defaults");
    }

    public static Response getTenantDefault(UUID tenant) {
        return given().auth().oauth2(InternalTokens.forTenant(tenant)).get("/v1/retention/defaults");
    }

    public static Response setHold(UUID tenant, String body) {
        return given().auth()
                .oauth2(InternalTokens.forTenant(tenant))
                .contentType("application/json")
                .body(body)
                .post("/v1/retention/holds");
    }

    /** The id of a new hold on the site, set by the tenant's admin. */
    public static UUID holdSite(UUID tenant, UUID site) {
        return UUID.fromString(setHold(tenant, "{\"siteId\":\"" + site + "\",\"reason\":\"litigation\"}")
                .then()
                .statusCode(201)
                .extract()
                .path("holdId"));
    }

    public static UUID holdDevice(UUID tenant, UUID device) {
        return UUID.fromString(setHold(tenant, "{\"deviceId\":\"" + device + "\",\"reason\":\"incident 42\"}")
                .then()
                .statusCode(201)
                .extract()
                .path("holdId"));
    }

    public static Response getHold(UUID tenant, UUID hold) {
        return given().auth().oauth2(InternalTokens.forTenant(tenant)).get("/v1/retention/holds/{holdId}", hold);
    }

    public static Response releaseHold(UUID tenant, UUID hold) {
        return given().auth().oauth2(InternalTokens.forTenant(tenant)).delete("/v1/retention/holds/{holdId}", hold);
    }

    public static Response preview(UUID tenant, UUID site) {
        return given().auth()
                .oauth2(InternalTokens.forTenant(tenant))
                .get("/v1/sites/{siteId}/retention/preview", site);
    }

    /** The preview with {@code query} (e.g. {@code eventsDays=5}) as its what-if. */
    public static Response preview(UUID tenant, UUID site, String query) {
        return given().auth()
                .oauth2(InternalTokens.forTenant(tenant))
                .urlEncodingEnabled(false)
                .get("/v1/sites/" + site + "/retention/preview?" + query);
    }
}
