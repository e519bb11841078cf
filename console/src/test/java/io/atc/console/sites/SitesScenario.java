package io.atc.console.sites;

import java.util.Map;

import io.atc.console.support.FakeGateway;

/**
 * What the stand-in gateway answers for the sites pages' tests: one tenant with one site and one device,
 * and a session whose scopes the session cookie names ("reader": read scopes only; "writer": also write).
 * Anything else is the API's 404, as another tenant's id is.
 */
final class SitesScenario {

    static final String SITE = "0b6f5d3e-8c1a-4f2b-9d7e-2a4c6e8f0b1d";
    static final String DEVICE = "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f";
    static final String OTHER = "5c7e9a1b-3d2f-4e6a-8b0c-1d3e5f7a9b2c";

    private static final String SITE_JSON =
            "{\"id\":\"" + SITE + "\",\"name\":\"Rotterdam depot\",\"createdAt\":\"2026-11-29T07:00:00Z\"}";
    private static final String DEVICE_JSON = "{\"id\":\"" + DEVICE + "\",\"siteId\":\"" + SITE
            + "\",\"name\":\"Gate camera 1\",\"mqttUsername\":\"d-" + DEVICE + "\",\"enabled\":true,"
            + "\"eventsTopic\":\"atc/t/s/d/events\",\"imagesTopic\":\"atc/t/s/d/images\","
            + "\"createdAt\":\"2026-11-29T07:00:00Z\",\"updatedAt\":\"2026-11-29T07:00:00Z\"}";
    private static final Map<String, String> ANSWERS = Map.of(
            "GET /v1/sites?limit=100",
            "{\"items\":[" + SITE_JSON + "],\"next\":null}",
            "GET /v1/sites/" + SITE,
            SITE_JSON,
            "GET /v1/sites/" + SITE + "/devices?limit=100",
            "{\"items\":[" + DEVICE_JSON + "],\"next\":null}",
            "GET /v1/sites/" + SITE + "/devices/" + DEVICE,
            DEVICE_JSON,
            "GET /v1/devices/transport-policy",
            "{\"policy\":\"password-or-certificate\",\"passwordLogin\":true}");

    private SitesScenario() {}

    static void install() {
        FakeGateway.reset();
        ANSWERS.forEach(FakeGateway::answer);
        FakeGateway.answerWith("GET /v1/console/session", request -> {
            String cookies = String.valueOf(request.header("Cookie"));
            String scopes = cookies.contains("atc_session=writer")
                    ? "\"sites:read\",\"sites:write\",\"devices:read\",\"devices:write\""
                    : "\"sites:read\",\"devices:read\"";
            return new FakeGateway.Reply(
                    200,
                    "{\"tenant\":\"3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a\",\"userId\":\"u\",\"scopes\":[" + scopes
                            + "],\"csrfToken\":\"c\"}");
        });
        FakeGateway.answerWith(
                "POST /v1/sites/" + SITE + "/devices/" + DEVICE + "/certificates",
                request ->
                        new FakeGateway.Reply(201, certificate(!request.body().contains("csr"))));
    }

    /** An issued certificate; with the private key only when the platform generated it (no CSR). */
    private static String certificate(boolean generatedKey) {
        return "{\"serial\":\"5f0c3a9e21d4b7c86e1f9a0b3c5d7e8f\",\"subject\":\"CN=d-" + DEVICE + "\","
                + "\"fingerprint\":\"9c4e\",\"notBefore\":\"2026-11-29T06:55:00Z\","
                + "\"notAfter\":\"2027-11-29T07:00:00Z\","
                + "\"certificateChain\":\"-----BEGIN CERTIFICATE-----\\nMIIBdevice\\n-----END CERTIFICATE-----\\n\","
                + (generatedKey ? "\"privateKey\":\"" + PRIVATE_KEY + "\"," : "")
                + "\"revokedSerials\":[]}";
    }

    static final String PRIVATE_KEY = "-----BEGIN PRIVATE KEY-----\\nMIGHfake\\n-----END PRIVATE KEY-----\\n";
}
