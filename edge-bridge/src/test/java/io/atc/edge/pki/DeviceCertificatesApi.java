package io.atc.edge.pki;

import static io.restassured.RestAssured.given;

import java.security.PrivateKey;
import java.util.Map;

import io.atc.edge.support.RegisteredDevice;
import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.mqtt.TestMqttClient;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Calls to the device certificate API as the device's own tenant, and the TLS identity a result makes. */
public final class DeviceCertificatesApi {

    private DeviceCertificatesApi() {}

    static String path(RegisteredDevice device) {
        return "/v1/sites/" + device.siteId() + "/devices/" + device.id() + "/certificates";
    }

    /** Issues (or rotates) with a platform-generated key. */
    public static JsonPath issue(RegisteredDevice device) {
        return given().auth()
                .oauth2(InternalTokens.forTenant(device.tenantId(), "devices:write"))
                .contentType("application/json")
                .post(path(device))
                .then()
                .statusCode(201)
                .header("Cache-Control", "no-store")
                .extract()
                .jsonPath();
    }

    static Response issueWithCsr(RegisteredDevice device, String csrPem) {
        return given().auth()
                .oauth2(InternalTokens.forTenant(device.tenantId(), "devices:write"))
                .contentType("application/json")
                .body(Map.of("csr", csrPem))
                .post(path(device));
    }

    static JsonPath revoke(RegisteredDevice device) {
        return given().auth()
                .oauth2(InternalTokens.forTenant(device.tenantId(), "devices:write"))
                .delete(path(device))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** The device's TLS identity from an issue response with a generated key. */
    public static TestMqttClient.TlsIdentity identity(JsonPath issued) {
        return new TestMqttClient.TlsIdentity(
                rootPem(), issued.getString("certificateChain"), issued.getString("privateKey"));
    }

    static TestMqttClient.TlsIdentity identity(String certificateChainPem, PrivateKey key) {
        return new TestMqttClient.TlsIdentity(rootPem(), certificateChainPem, Pem.privateKey(key));
    }

    private static String rootPem() {
        return Pem.certificate(TestPkiMaterial.shared().root().certificate());
    }
}
