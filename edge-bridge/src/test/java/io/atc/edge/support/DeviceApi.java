package io.atc.edge.support;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.orgs.SyntheticOrganisation;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** The devices API as an integrator calls it, for tests whose subject is what happens next. */
public final class DeviceApi {

    private DeviceApi() {}

    public static RegisteredDevice register(UUID tenantId, UUID siteId, String name) {
        return register(given(), tenantId, siteId, name);
    }

    /** Through a bridge other than the test's own (a packaged one, at {@code bridgeUrl}). */
    public static RegisteredDevice register(String bridgeUrl, UUID tenantId, UUID siteId, String name) {
        return register(given().baseUri(bridgeUrl), tenantId, siteId, name);
    }

    private static RegisteredDevice register(RequestSpecification request, UUID tenantId, UUID siteId, String name) {
        Response response = request.auth()
                .oauth2(InternalTokens.forTenant(tenantId))
                .contentType("application/json")
                .body("{\"name\":\"" + name + "\"}")
                .post("/v1/sites/{siteId}/devices", siteId);
        response.then().statusCode(201);
        return new RegisteredDevice(
                tenantId,
                siteId,
                UUID.fromString(response.path("device.id")),
                response.path("mqttUsername"),
                response.path("mqttPassword"));
    }

    /** A device with a made-up name at the organisation's site number {@code site}. */
    public static RegisteredDevice registerAt(SyntheticOrganisation org, int site) {
        return register(org.tenantId(), org.siteIds().get(site), uniqueName("Device"));
    }

    public static Response patch(RegisteredDevice device, String body) {
        return given().auth()
                .oauth2(InternalTokens.forTenant(device.tenantId()))
                .contentType("application/json")
                .body(body)
                .patch("/v1/sites/{siteId}/devices/{id}", device.siteId(), device.id());
    }

    public static Response delete(RegisteredDevice device) {
        return given().auth()
                .oauth2(InternalTokens.forTenant(device.tenantId()))
                .delete("/v1/sites/{siteId}/devices/{id}", device.siteId(), device.id());
    }

    /** Resets the password and returns the device with its new one. */
    public static RegisteredDevice resetPassword(RegisteredDevice device) {
        Response response = given().auth()
                .oauth2(InternalTokens.forTenant(device.tenantId()))
                .post("/v1/sites/{siteId}/devices/{id}/password", device.siteId(), device.id());
        response.then().statusCode(200);
        return device.withPassword(response.path("mqttPassword"));
    }

    public static String uniqueName(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
