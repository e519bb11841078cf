package io.atc.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.atc.core.errors.ProblemType;
import io.atc.gateway.GatewayTestResources;
import io.atc.gateway.support.GatewayDoubles;
import io.atc.gateway.support.RawHttp;
import io.atc.gateway.support.TestUpstream;
import io.atc.gateway.support.UpstreamTestResources;
import io.atc.gateway.support.WithGatewayDoubles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;

/**
 * The public port serves the routed API only, and answers the same request the same way every
 * time, whatever its body: paths no route claims (the gateway's own /q/..., the services'
 * /internal/...) are a 404 problem from the gateway itself, and odd bodies (0-3 bytes, chunked, a
 * Content-Length that does not match) over fresh and kept-alive connections never leave bytes
 * behind on a connection, the client's or a pooled upstream one. Breaks when: the public port
 * passes anything to the gateway's own HTTP server (its metrics and OpenAPI), or a request's body
 * is dropped while its Content-Length is forwarded (the next request on that upstream connection
 * is then read as its body: answers flip between 200, 400 and none).
 */
@QuarkusTest
@TestProfile(WithGatewayDoubles.class)
@QuarkusTestResource(GatewayTestResources.class)
@QuarkusTestResource(UpstreamTestResources.class)
class OddBodiesGetTheSameAnswerTests {

    private static final String KEY = "X-Api-Key: " + GatewayDoubles.GOOD_KEY;
    private static final int ROUNDS = 200;

    @BeforeEach
    void setUp() {
        GatewayDoubles.install();
        TestUpstream.started();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "GET /q/metrics",
                "GET /q/health",
                "GET /q/health/ready",
                "GET /q/openapi",
                "GET /q/dev-ui",
                "GET /internal/v1/keys/verify",
                "POST /internal/v1/keys/usage",
                "GET /metrics",
                "GET /"
            })
    void pathsNoRouteClaimsAreA404FromTheGateway(String requestLine) throws Exception {
        RawHttp.Response response = RawHttp.exchange(requestLine + " HTTP/1.1\r\nHost: gw\r\nConnection: close");

        assertThat(response.status()).as(requestLine).isEqualTo(404);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(new JsonObject(response.body()).getString("type")).isEqualTo(ProblemType.NOT_FOUND.uri());
        assertThat(response.body()).doesNotContain("jvm_", "\"paths\"", "\"UP\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/q/openapi", "/internal/v1/keys/verify", "/q/metrics", "/nowhere"})
    void oddBodiesToAPathNoRouteClaimsAreAlwaysThe404(String path) throws Exception {
        sameAnswerEveryTime("POST " + path, "", 404);
    }

    /**
     * The sequence that showed the desynchronised passthrough before issue 16: on today's code of then, the GETs
     * answered 400 (their method eaten as the previous body) and, after the 40-byte body, nothing until the
     * response timeout (a whole request eaten as that body).
     */
    @Test
    void aBodyNeverLeavesBytesForTheNextRequestOnTheConnection() throws Exception {
        String[] requests = {
            "POST /q/openapi HTTP/1.1\r\nHost: gw\r\nContent-Length: 3\r\n\r\nabc",
            "GET /q/health HTTP/1.1\r\nHost: gw\r\n\r\n",
            "POST /q/metrics HTTP/1.1\r\nHost: gw\r\nContent-Length: 40\r\n\r\n" + "0123456789".repeat(4),
            "GET /q/health HTTP/1.1\r\nHost: gw\r\n\r\n",
            "GET /q/health HTTP/1.1\r\nHost: gw\r\n\r\n"
        };
        try (Socket kept = RawHttp.open()) {
            kept.setSoTimeout(3_000);
            for (int round = 0; round < 20; round++) {
                for (String request : requests) {
                    sameAnswer(kept, request, 404, ProblemType.NOT_FOUND.uri(), request.substring(0, 20));
                }
            }
        }
    }

    @Test
    void oddBodiesToARoutedPathAreAlwaysForwardedTheSameWay() throws Exception {
        sameAnswerEveryTime("POST /v1/keys/k1/echo", KEY + "\r\n", 200);
    }

    @Test
    void oddBodiesOnGetHeadAndDeleteToARoutedPathAreAlwaysForwardedTheSameWay() throws Exception {
        sameAnswerEveryTime("GET /v1/keys/k1/echo", KEY + "\r\n", 200);
        sameAnswerEveryTime("DELETE /v1/keys/k1/echo", KEY + "\r\n", 200);
    }

    /**
     * {@code ROUNDS} times over one kept-alive connection and {@code ROUNDS} times over fresh ones, with
     * bodies of 0-3 bytes (by Content-Length, and chunked): each answer is {@code status}, its problem type (if
     * any) always the same, within 3 s, and nothing follows it on the connection. A refusal of a chunked request
     * (its length unknown, so its body is not drained) always closes the connection; the next request then goes on
     * a new one.
     */
    private void sameAnswerEveryTime(String requestLine, String fields, int status) throws Exception {
        String head = requestLine + " HTTP/1.1\r\nHost: gw\r\n" + fields;
        String type = null;
        Socket kept = RawHttp.open();
        try {
            for (int i = 0; i < ROUNDS; i++) {
                if (kept.isClosed()) {
                    kept = RawHttp.open();
                }
                type = sameAnswer(kept, head + body(i), status, type, requestLine + " #" + i, closes(status, i));
            }
        } finally {
            kept.close();
        }
        for (int i = 0; i < ROUNDS; i++) {
            try (Socket fresh = RawHttp.open()) {
                type = sameAnswer(fresh, head + body(i), status, type, requestLine + " fresh #" + i, closes(status, i));
            }
        }
    }

    private static boolean closes(int status, int i) {
        return status >= 400 && i % 8 >= 4;
    }

    /** Request {@code i}'s framing and body: 0-3 bytes by Content-Length, then the same chunked. */
    private static String body(int i) {
        String bytes = "abc".substring(0, i % 4);
        if (i % 8 < 4) {
            return "Content-Length: " + bytes.length() + "\r\n\r\n" + bytes;
        }
        String chunk = bytes.isEmpty() ? "" : Integer.toHexString(bytes.length()) + "\r\n" + bytes + "\r\n";
        return "Transfer-Encoding: chunked\r\n\r\n" + chunk + "0\r\n\r\n";
    }

    private static String sameAnswer(Socket socket, String request, int status, String type, String what)
            throws IOException {
        return sameAnswer(socket, request, status, type, what, false);
    }

    private static String sameAnswer(
            Socket socket, String request, int status, String type, String what, boolean closes) throws IOException {
        socket.setSoTimeout(3_000);
        socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        RawHttp.Response response;
        try {
            response = RawHttp.read(socket.getInputStream());
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no answer within 3 s to " + what, e);
        }
        assertThat(response.status()).as(what).isEqualTo(status);
        assertThat(response.header("Connection")).as(what).isEqualTo(closes ? "close" : null);
        String answered = status < 400 ? "" : new JsonObject(response.body()).getString("type");
        if (type != null) {
            assertThat(answered).as(what).isEqualTo(type);
        }
        InputStream in = socket.getInputStream();
        if (closes) {
            assertThat(in.read()).as("the end of the connection after " + what).isEqualTo(-1);
            socket.close();
        } else {
            assertThat(in.available())
                    .as("bytes left after the answer to " + what)
                    .isZero();
        }
        return answered;
    }
}
