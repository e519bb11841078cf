package io.atc.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.Socket;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
 * How long a client connection lives and how its requests stay in step: a connection that sends
 * nothing between requests is closed after the idle timeout, one waiting for its answer is not;
 * answers to HEAD carry no body in either direction, so the next request on the same connections
 * is read correctly; a pooled upstream connection is reused until it has sat idle for the upstream
 * idle timeout. Breaks when: idle connections are kept forever or cut mid-request, or a HEAD
 * answer's Content-Length is taken as a body by the gateway's codecs.
 */
@QuarkusTest
@TestProfile(ConnectionLifetimeTests.ShortIdleTimeout.class)
@QuarkusTestResource(GatewayTestResources.class)
@QuarkusTestResource(UpstreamTestResources.class)
class ConnectionLifetimeTests {

    public static class ShortIdleTimeout extends WithGatewayDoubles {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "atc.gateway.client-idle-timeout",
                    "2s",
                    "atc.gateway.upstream-response-timeout",
                    "4s",
                    "atc.gateway.upstream-idle-timeout",
                    "1s");
        }
    }

    private static final String KEY = "X-Api-Key: " + GatewayDoubles.GOOD_KEY;

    @BeforeEach
    void setUp() {
        GatewayDoubles.install();
        TestUpstream.started();
    }

    @Test
    void anIdleConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        try (Socket socket = RawHttp.open()) {
            RawHttp.send(socket, "GET /v1/keys/k1/x HTTP/1.1\r\nHost: gw\r\n" + KEY, new byte[0]);
            assertThat(RawHttp.read(socket.getInputStream()).status()).isEqualTo(200);
            long answered = System.nanoTime();

            assertThat(socket.getInputStream().read()).as("end of stream").isEqualTo(-1);

            long idleMillis = (System.nanoTime() - answered) / 1_000_000;
            assertThat(idleMillis).isBetween(1_500L, 6_000L);
        }
    }

    /** Breaks when pooled upstream connections are never reused, or reused however long they sat idle. */
    @Test
    void aPooledUpstreamConnectionIsReusedUntilItHasBeenIdleForTheUpstreamIdleTimeout() throws Exception {
        try (Socket socket = RawHttp.open()) {
            // One client connection: its requests stay on one event loop, hence one pool.
            String first = upstreamConnectionOf(socket);
            String second = upstreamConnectionOf(socket);
            Thread.sleep(1_500);
            String third = upstreamConnectionOf(socket);

            assertThat(second).as("taken back from the pool").isEqualTo(first);
            assertThat(third)
                    .as("idle for longer than the 1 s upstream idle timeout: not used again")
                    .isNotEqualTo(first);
        }
    }

    private static String upstreamConnectionOf(Socket socket) throws Exception {
        RawHttp.send(socket, "GET /v1/keys/k1/x HTTP/1.1\r\nHost: gw\r\n" + KEY, new byte[0]);
        RawHttp.Response response = RawHttp.read(socket.getInputStream());
        assertThat(response.status()).isEqualTo(200);
        return new JsonObject(response.body()).getValue("connection").toString();
    }

    @Test
    void aConnectionWaitingForItsAnswerIsNotClosedAsIdle() throws Exception {
        try (Socket socket = RawHttp.open()) {
            RawHttp.send(socket, "GET /v1/keys/k1/slow HTTP/1.1\r\nHost: gw\r\n" + KEY, new byte[0]);

            RawHttp.Response timedOut = RawHttp.read(socket.getInputStream());

            assertThat(timedOut.status())
                    .as("the response timeout (4 s) answers, not the idle timeout (2 s)")
                    .isEqualTo(504);
        }
    }

    @Test
    void answersToHeadHaveNoBodyAndTheNextRequestIsReadInStep() throws Exception {
        try (Socket socket = RawHttp.open()) {
            InputStream in = socket.getInputStream();
            RawHttp.send(socket, "HEAD /v1/keys/k1/x HTTP/1.1\r\nHost: gw\r\n" + KEY, new byte[0]);
            RawHttp.Response forwarded = RawHttp.readHead(in);
            RawHttp.send(socket, "HEAD /v1/keys/k1/x HTTP/1.1\r\nHost: gw", new byte[0]);
            RawHttp.Response refused = RawHttp.readHead(in);
            RawHttp.send(socket, "GET /v1/keys/k1/x HTTP/1.1\r\nHost: gw\r\n" + KEY, new byte[0]);
            RawHttp.Response next = RawHttp.read(in);

            assertThat(forwarded.status()).isEqualTo(200);
            assertThat(Integer.parseInt(forwarded.header("Content-Length")))
                    .as("the length its GET would have")
                    .isPositive();
            assertThat(refused.status()).isEqualTo(401);
            assertThat(Integer.parseInt(refused.header("Content-Length"))).isPositive();
            assertThat(next.status()).isEqualTo(200);
            assertThat(next.body()).contains("\"uri\":\"/v1/keys/k1/x\"");
        }
    }
}
