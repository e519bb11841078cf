package io.atc.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

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
 * Strict HTTP/1.1 parsing at the public port (RFC 9112 5, 6; RFC 9110 5.5): a request whose header
 * section or framing is in doubt is a 400 problem from the gateway, its connection is closed, and
 * nothing of it, nor of what follows it on the connection, reaches a service. Breaks when: a field
 * name with whitespace before the colon (or any other non-token name), a value with control
 * characters, a folded line, an unusable Transfer-Encoding, conflicting lengths or a missing or
 * repeated Host is passed on, or the bytes after such a request are read as a next request.
 */
@QuarkusTest
@TestProfile(WithGatewayDoubles.class)
@QuarkusTestResource(GatewayTestResources.class)
@QuarkusTestResource(UpstreamTestResources.class)
class MalformedHeadersAreRefusedTests {

    private static final String KEY = "X-Api-Key: " + GatewayDoubles.GOOD_KEY;
    /** What a smuggler hides in the body: a complete second request, read as one if the first one's framing is lost. */
    private static final String SMUGGLED = "GET /v1/keys/smuggled HTTP/1.1\r\nHost: gw\r\n" + KEY + "\r\n\r\n";

    private TestUpstream upstream;

    @BeforeEach
    void setUp() {
        GatewayDoubles.install();
        upstream = TestUpstream.started();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Content-Length : %d", // whitespace before the colon (RFC 9112 5.1)
                "Content-Length\t: %d",
                "Transfer-Encoding : chunked\r\nContent-Length: %d",
                "Content-Length: %d\r\nTransfer-Encoding : chunked",
                "Content-Length: %d\r\nX-Note: a\r\n b", // obs-fold (RFC 9112 5.2)
                "Content-Length: %d\r\nX-Note: a\r\n\tb",
                "Content-Length: %d\r\nX(Note): a", // not a token
                "Content-Length: %d\r\nX\"Note: a",
                "Content-Length: %d\r\nX/Note: a",
                "Content-Length: %d\r\nX Note: a",
                "Content-Length: %d\r\n: a", // empty name
                "Content-Length: %d\r\nX-Note: a\u0001b", // control characters in a value
                "Content-Length: %d\r\nX-Note: a\u0000b",
                "Content-Length: %d\r\nX-Note: a\u007fb",
                "Content-Length: %d\r\nX-Note: a\rb",
                "Content-Length: %d\r\nX-Note: a\u001bb",
                "Content-Length: %d\r\nContent-Length: 1", // differing lengths
                "Content-Length: %d\r\nTransfer-Encoding: chunked", // both framings
                "Content-Length: %d\r\nTransfer-Encoding: gzip", // chunked not last
                "Content-Length: %d\r\nTransfer-Encoding: chunked, gzip",
                "Content-Length: %d\r\nHost: other", // a second Host
                "Content-Length: %d\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked",
            })
    void aRequestWithMalformedHeadersIsRefusedAndNothingReachesAService(String fields) throws Exception {
        String head = "POST /v1/keys HTTP/1.1\r\nHost: gw\r\n" + KEY + "\r\n" + fields.formatted(SMUGGLED.length());

        assertRefusedAndNothingForwarded(head, SMUGGLED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Host: a b", "Host: gw/x", "Host: user@gw", "Host: gw\u0001"})
    void anInvalidHostIsRefused(String host) throws Exception {
        assertRefusedAndNothingForwarded("GET /v1/keys HTTP/1.1\r\n" + host + "\r\n" + KEY, SMUGGLED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"P(OST", "PO\"ST", "PO/ST"})
    void aMethodThatIsNotATokenIsRefused(String method) throws Exception {
        assertRefusedAndNothingForwarded(
                method + " /v1/keys HTTP/1.1\r\nHost: gw\r\n" + KEY + "\r\nContent-Length: " + SMUGGLED.length(),
                SMUGGLED);
    }

    @Test
    void anHttp11RequestWithoutHostIsRefused() throws Exception {
        assertRefusedAndNothingForwarded("GET /v1/keys HTTP/1.1\r\n" + KEY, SMUGGLED);
    }

    @Test
    void aChunkedRequestWhoseHeaderIsMalformedIsNotReadAsChunked() throws Exception {
        // Read as having no body by anything that does not see Transfer-Encoding: the chunk is a second request.
        String chunk = Integer.toHexString(SMUGGLED.length()) + "\r\n" + SMUGGLED + "\r\n0\r\n\r\n";
        assertRefusedAndNothingForwarded(
                "POST /v1/keys HTTP/1.1\r\nHost: gw\r\n" + KEY + "\r\nTransfer-Encoding : chunked", chunk);
    }

    @Test
    void aMalformedTrailerIsRefusedAndNoTrailerIsForwarded() throws Exception {
        String body = "3\r\nabc\r\n0\r\nContent-Length : 3\r\n\r\n";
        assertRefusedAndNothingForwarded(
                "POST /v1/keys HTTP/1.1\r\nHost: gw\r\n" + KEY + "\r\nTransfer-Encoding: chunked", body + SMUGGLED);
    }

    @Test
    void wellFormedHeadersCrossUnchanged() throws Exception {
        byte[] obsText = "caf\u00e9 \u00ff\u0080".getBytes(StandardCharsets.ISO_8859_1);
        String head = "GET /v1/keys HTTP/1.1\r\nHost: gw\r\n" + KEY + "\r\nX-Tabbed: a\tb\r\n"
                + "X-Obs-Text: " + new String(obsText, StandardCharsets.ISO_8859_1) + "\r\n"
                + "X-Token-Chars!#$%&'*+-.^_`|~09: v\r\nX-Empty:\r\nConnection: close";

        RawHttp.Response response = RawHttp.exchange(head);

        assertThat(response.status()).isEqualTo(200);
        TestUpstream.Seen seen = upstream.next();
        assertThat(seen.header("X-Tabbed")).isEqualTo("a\tb");
        assertThat(seen.header("X-Obs-Text").getBytes(StandardCharsets.ISO_8859_1))
                .isEqualTo(obsText);
        assertThat(seen.header("X-Token-Chars!#$%&'*+-.^_`|~09")).isEqualTo("v");
        assertThat(seen.header("X-Empty")).isEmpty();
    }

    @Test
    void aChunkedBodyWithoutTrailersAndAnHttp10RequestWithoutHostCrossUnchanged() throws Exception {
        try (Socket socket = RawHttp.open()) {
            RawHttp.send(
                    socket,
                    "POST /v1/keys/k1/upload HTTP/1.1\r\nHost: gw\r\n" + KEY + "\r\nTransfer-Encoding: chunked",
                    "3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            RawHttp.Response response = RawHttp.read(socket.getInputStream());
            assertThat(response.status()).isEqualTo(200);
            assertThat(new JsonObject(response.body()).getLong("bytes")).isEqualTo(5);

            RawHttp.send(socket, "GET /v1/keys HTTP/1.1\r\nHost: gw\r\n" + KEY, new byte[0]);
            assertThat(RawHttp.read(socket.getInputStream()).status()).isEqualTo(200);
        }
        assertThat(upstream.next().bodyBytes()).isEqualTo(5);
        upstream.next();

        assertThat(RawHttp.exchange("GET /v1/keys HTTP/1.0\r\n" + KEY).status()).isEqualTo(200);
    }

    private void assertRefusedAndNothingForwarded(String head, String rest) throws Exception {
        try (Socket socket = RawHttp.open()) {
            socket.setSoTimeout(5_000);
            RawHttp.send(socket, head, rest.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();

            RawHttp.Response response = RawHttp.read(in);

            assertThat(response.status()).as(head).isEqualTo(400);
            assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(new JsonObject(response.body()).getString("type"))
                    .isEqualTo(ProblemType.MALFORMED_REQUEST.uri().toString());
            assertThat(response.header("Connection")).isEqualToIgnoringCase("close");
            assertThat(rest(in)).as("after the answer, the connection ends").isEmpty();
        }
        assertThat(upstream.receivedAnything(Duration.ofMillis(300)))
                .as("a service received something of " + head)
                .isFalse();
    }

    /** What the gateway still sends until it closes the connection (fails if it neither sends nor closes). */
    private static String rest(InputStream in) throws IOException {
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        try {
            for (int b = in.read(); b >= 0; b = in.read()) {
                rest.write(b);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the connection stayed open after: " + rest, e);
        }
        return rest.toString(StandardCharsets.ISO_8859_1);
    }
}
