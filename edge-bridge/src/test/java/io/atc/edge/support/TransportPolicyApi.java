package io.atc.edge.support;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.atc.testkit.identity.InternalTokens;
import io.restassured.response.Response;

/** The device transport policy endpoint as a tenant calls it. */
public final class TransportPolicyApi {

    public static final String PATH = "/v1/devices/transport-policy";

    private TransportPolicyApi() {}

    /** Sets the policy as the tenant's admin; the call must succeed. */
    public static void set(UUID tenantId, String policy) {
        put(tenantId, policy, "admin").then().statusCode(200);
    }

    public static Response put(UUID tenantId, String policy, String... scopes) {
        return given().auth()
                .oauth2(InternalTokens.forTenant(tenantId, scopes))
                .contentType("application/json")
                .body("{\"policy\":\"" + policy + "\"}")
                .put(PATH);
    }

    public static String current(UUID tenantId) {
        return given().auth()
                .oauth2(InternalTokens.forTenant(tenantId, "devices:read"))
                .get(PATH)
                .then()
                .statusCode(200)
                .extract()
                .path("policy");
    }
}
