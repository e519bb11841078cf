package io.atc.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.atc.gateway.GatewayTestResources;
import io.atc.gateway.support.GatewayDoubles;
import io.atc.gateway.support.Poll;
import io.atc.gateway.support.PublicPortForRestAssured;
import io.atc.gateway.support.RawHttp;
import io.atc.gateway.support.TestUpstream;
import io.atc.gateway.support.UpstreamTestResources;
import io.atc.gateway.support.WithGatewayDoubles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;

/**
 * Bodies stream through the gateway instead of being collected: the service sees the first bytes of
 * an upload while the client is still sending, large downloads come back whole, and the gateway's
 * own limit (not Quarkus's 1 MiB body limit) decides what is too large. Breaks when: a body handler
 * or aggregation buffers proxied bodies, the limit is not enforced on chunked bodies, or an
 * oversized declared body is read before being refused.
 */
@QuarkusTest
@TestProfile(WithGatewayDoubles.class)
@QuarkusTestResource(GatewayTestResources.class)
@QuarkusTestResource(UpstreamTestResources.class)
class StreamingBodiesTests {

    private static final int MIB = 1024 * 1024;

    private static Vertx vertx;
    private static HttpClient client;
    private TestUpstream upstream;

    @BeforeAll
    static void client() {
        vertx = Vertx.vertx();
        client = vertx.createHttpClient();
    }

    @AfterAll
    static void close() {
        vertx.close();
    }

    @BeforeEach
    void setUp() {
        GatewayDoubles.install();
        upstream = TestUpstream.started();
    }

    @Test
    void aTenMebibyteUploadStreamsToTheServiceWhileTheClientIsStillSending() throws Exception {
        HttpClientRequest request = upload(false);
        request.putHeader("Content-Length", Long.toString(10L * MIB));
        request.write(Buffer.buffer(new byte[MIB]));

        assertThat(Poll.until(() -> upstream.uploadedSoFar() > 0, Duration.ofSeconds(3)))
                .as("the service saw bytes before the client sent the rest")
                .isTrue();
        assertThat(upstream.uploadedSoFar()).isLessThanOrEqualTo(MIB);
        for (int i = 1; i < 10; i++) {
            request.write(Buffer.buffer(new byte[MIB]));
        }
        request.end();

        Answer answer = await(answer(request));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(new JsonObject(answer.body()).getLong("bytes")).isEqualTo(10L * MIB);
    }

    @Test
    void aChunkedUploadStreamsToo() throws Exception {
        HttpClientRequest request = upload(true);
        request.write(Buffer.buffer(new byte[MIB]));
        assertThat(Poll.until(() -> upstream.uploadedSoFar() > 0, Duration.ofSeconds(3)))
                .isTrue();
        for (int i = 1; i < 10; i++) {
            request.write(Buffer.buffer(new byte[MIB]));
        }
        request.end();

        Answer answer = await(answer(request));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(new JsonObject(answer.body()).getLong("bytes")).isEqualTo(10L * MIB);
    }

    @Test
    void aLargeDownloadComesBackWhole() throws Exception {
        HttpClientRequest request = await(client.request(
                HttpMethod.GET,
                PublicPortForRestAssured.publicPort(),
                "127.0.0.1",
                "/v1/keys/k1/download?bytes=" + 12L * MIB));
        request.putHeader("X-Api-Key", GatewayDoubles.GOOD_KEY);
        request.end();

        Answer answer = await(answer(request));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().length()).isEqualTo(12 * MIB);
    }

    /** Closing the connection after the answer never cuts the answer short, even for a client that reads slowly. */
    @Test
    void aSlowClientThatAsksToCloseStillGetsTheWholeDownload() throws Exception {
        try (Socket socket = RawHttp.open()) {
            RawHttp.send(
                    socket,
                    "GET /v1/keys/k1/download?bytes=" + 32L * MIB
                            + " HTTP/1.1\r\nHost: gw\r\nConnection: close\r\nX-Api-Key: " + GatewayDoubles.GOOD_KEY,
                    new byte[0]);
            // Slow to the last byte: the gateway is still waiting for the client when the answer ends.
            InputStream slow = new FilterInputStream(new BufferedInputStream(socket.getInputStream())) {
                @Override
                public int read(byte[] bytes, int offset, int length) throws IOException {
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        throw new IOException(e);
                    }
                    return super.read(bytes, offset, Math.min(length, 16 * 1024));
                }
            };

            RawHttp.Response response = RawHttp.read(slow);

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Connection")).isEqualTo("close");
            assertThat(response.body().length()).isEqualTo(32 * MIB);
        }
    }

    /**
     * Breaks when the gateway closes a refused upload's connection at once: the bytes the client
     * sends after the answer then make the gateway's kernel reset the connection, and the reset
     * reaches the client before it has read its 413. The gateway must linger, reading and dropping.
     */
    @Test
    void aClientStillSendingARefusedUploadReadsItsAnswerAndThenTheEnd() throws Exception {
        try (Socket socket = RawHttp.open()) {
            RawHttp.send(
                    socket,
                    "POST /v1/keys/k1/upload HTTP/1.1\r\nHost: gw\r\nX-Api-Key: " + GatewayDoubles.GOOD_KEY
                            + "\r\nContent-Length: " + (UpstreamTestResources.MAX_BODY + 1),
                    new byte[0]);
            Thread.sleep(300); // the 413 is sent and the gateway is closing
            socket.getOutputStream().write(new byte[MIB]);
            socket.getOutputStream().flush();
            Thread.sleep(300); // the late bytes have reached the gateway

            RawHttp.Response response = RawHttp.read(socket.getInputStream());

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.header("Connection")).isEqualTo("close");
            assertThat(socket.getInputStream().read())
                    .as("the answer is followed by the end of the stream")
                    .isEqualTo(-1);
        }
    }

    @Test
    void aDeclaredBodyOverTheLimitIsRefusedBeforeItIsSent() throws Exception {
        try (Socket socket = RawHttp.open()) {
            RawHttp.send(
                    socket,
                    "POST /v1/keys/k1/upload HTTP/1.1\r\nHost: gw\r\nX-Api-Key: " + GatewayDoubles.GOOD_KEY
                            + "\r\nContent-Type: application/octet-stream\r\nContent-Length: "
                            + (UpstreamTestResources.MAX_BODY + 1),
                    new byte[0]);

            RawHttp.Response response = RawHttp.read(socket.getInputStream());

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.body()).contains("urn:atc:problem:payload-too-large");
            assertThat(response.header("Connection")).isEqualTo("close");
        }
        assertThat(upstream.receivedAnything(Duration.ofMillis(200))).isFalse();
    }

    @Test
    void aChunkedBodyIsCutOffAtTheLimit() throws Exception {
        HttpClientRequest request = upload(true);
        CompletableFuture<HttpClientResponse> answered =
                request.response().toCompletionStage().toCompletableFuture();
        long sent = 0;
        while (!answered.isDone() && sent <= 2 * UpstreamTestResources.MAX_BODY) {
            request.write(Buffer.buffer(new byte[MIB]));
            sent += MIB;
            Poll.until(() -> !request.writeQueueFull() || answered.isDone(), Duration.ofSeconds(5));
        }

        HttpClientResponse response = answered.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(sent)
                .as("the gateway stopped the upload near the limit")
                .isLessThan(UpstreamTestResources.MAX_BODY + 8L * MIB);
        assertThat(upstream.uploadedSoFar()).isLessThanOrEqualTo(UpstreamTestResources.MAX_BODY);
    }

    @Test
    void aClientExpectingContinueGetsItOnceTheRequestIsAdmitted() throws Exception {
        try (Socket socket = RawHttp.open()) {
            RawHttp.send(
                    socket,
                    "POST /v1/keys/k1/upload HTTP/1.1\r\nHost: gw\r\nX-Api-Key: " + GatewayDoubles.GOOD_KEY
                            + "\r\nExpect: 100-continue\r\nContent-Length: 5",
                    new byte[0]);
            RawHttp.Response interim = RawHttp.read(socket.getInputStream());
            assertThat(interim.status()).isEqualTo(100);

            socket.getOutputStream().write("hello".getBytes());
            RawHttp.Response response = RawHttp.read(socket.getInputStream());
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).contains("\"bytes\":5");
        }
        assertThat(upstream.next().headers().contains("Expect")).isFalse();
    }

    @Test
    void anHttp2ClientIsProxiedOverHttp1() throws Exception {
        HttpClient h2 = vertx.createHttpClient(new io.vertx.core.http.HttpClientOptions()
                .setProtocolVersion(io.vertx.core.http.HttpVersion.HTTP_2)
                .setHttp2ClearTextUpgrade(false));
        try {
            HttpClientRequest request = await(h2.request(
                    HttpMethod.POST, PublicPortForRestAssured.publicPort(), "127.0.0.1", "/v1/keys/k1/upload"));
            request.putHeader("X-Api-Key", GatewayDoubles.GOOD_KEY).setChunked(true);
            request.write(Buffer.buffer(new byte[MIB]));
            request.end();

            Answer answer = await(answer(request));
            assertThat(answer.status()).isEqualTo(200);
            assertThat(new JsonObject(answer.body()).getLong("bytes")).isEqualTo(MIB);
            assertThat(upstream.next().bodyBytes()).isEqualTo(MIB);
        } finally {
            h2.close();
        }
    }

    private HttpClientRequest upload(boolean chunked) throws Exception {
        HttpClientRequest request = await(client.request(
                HttpMethod.POST, PublicPortForRestAssured.publicPort(), "127.0.0.1", "/v1/keys/k1/upload"));
        request.putHeader("X-Api-Key", GatewayDoubles.GOOD_KEY).putHeader("Content-Type", "application/octet-stream");
        request.setChunked(chunked);
        request.exceptionHandler(ignored -> {});
        return request;
    }

    private record Answer(int status, Buffer body) {}

    /** The response with its body, read as it arrives (a body not read on arrival is lost). */
    private static io.vertx.core.Future<Answer> answer(HttpClientRequest request) {
        return request.response()
                .compose(response -> response.body().map(body -> new Answer(response.statusCode(), body)));
    }

    private static <T> T await(io.vertx.core.Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }
}
