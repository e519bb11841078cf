package io.atc.console.sites;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A stand-in for the gateway's API, for the console's page tests: one tenant with one site and one device,
 * and a session whose scopes the session cookie names ("reader": read scopes only; "writer": also write).
 * Anything else is the API's 404, as another tenant's id is. {@code GET /recorded} lists the requests it
 * received (method and path), {@code DELETE /recorded} forgets them, so tests can see what the console sent.
 */
public class FakeGateway implements QuarkusTestResourceLifecycleManager {

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

    private final List<String> recorded = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.start();
        return Map.of(
                "atc.console.gateway-url",
                "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String request = exchange.getRequestMethod() + " " + exchange.getRequestURI();
        if (request.endsWith(" /recorded")) {
            if ("DELETE".equals(exchange.getRequestMethod())) {
                recorded.clear();
            }
            send(exchange, 200, String.join("\n", recorded));
            return;
        }
        recorded.add(request);
        if (request.equals("GET /v1/console/session")) {
            String cookies = String.valueOf(exchange.getRequestHeaders().getFirst("Cookie"));
            String scopes = cookies.contains("atc_session=writer")
                    ? "\"sites:read\",\"sites:write\",\"devices:read\",\"devices:write\""
                    : "\"sites:read\",\"devices:read\"";
            send(
                    exchange,
                    200,
                    "{\"tenant\":\"3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a\",\"userId\":\"u\",\"scopes\":[" + scopes
                            + "],\"csrfToken\":\"c\"}");
            return;
        }
        if (request.equals("POST /v1/sites/" + SITE + "/devices/" + DEVICE + "/certificates")) {
            boolean csr = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).contains("csr");
            send(exchange, 201, certificate(!csr));
            return;
        }
        String answer = ANSWERS.get(request);
        if (answer != null) {
            send(exchange, 200, answer);
        } else {
            send(exchange, 404, "{\"status\":404,\"detail\":\"Not found.\"}");
        }
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

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
