package io.atc.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AsciiString;

/**
 * The gateway's HTTP/1.1 writer, byte for byte: heads with their small bodies in one buffer, large
 * bodies passed on without a copy, chunk framing with trailers, the responses that never carry a
 * body (HEAD, 1xx, 204, 205, 304), and a round trip through the gateway's own response reader.
 * Breaks when: a head is mis-sized or mis-ordered, a chunk is mis-framed, a body goes out where
 * none may, or a buffer leaks.
 */
class Http1EncoderTests {

    private boolean head;
    private final EmbeddedChannel responses = new EmbeddedChannel(Http1Encoder.responses(() -> head));
    private final EmbeddedChannel requests = new EmbeddedChannel(Http1Encoder.requests());

    @Test
    void aSmallCompleteResponseIsOneBuffer() {
        FullHttpResponse response = full(HttpResponseStatus.OK, "{\"sites\":[]}");
        response.headers()
                .add("Content-Type", "application/json")
                .add(AsciiString.of("Content-Length"), AsciiString.of("12"));

        List<ByteBuf> out = written(responses, response);

        assertThat(out).hasSize(1);
        assertThat(text(out))
                .isEqualTo(
                        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 12\r\n\r\n{\"sites\":[]}");
        assertThat(response.refCnt()).isZero();
    }

    @Test
    void aLargeBodyIsPassedOnAsItIsWithoutACopy() {
        ByteBuf body = Unpooled.wrappedBuffer(new byte[100_000]);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, body);
        response.headers().set("Content-Length", "100000");

        List<ByteBuf> out = written(responses, response);

        assertThat(out).hasSize(2);
        assertThat(out.get(1)).isSameAs(body);
        assertThat(text(out.subList(0, 1))).isEqualTo("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n");
    }

    @Test
    void chunkedPiecesAreFramedAndTheLastCarriesTheTrailers() {
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        response.headers().set("Transfer-Encoding", "chunked");
        LastHttpContent last = new DefaultLastHttpContent(bytes("!"));
        last.trailingHeaders().set("X-Checksum", "abc");
        String big = "x".repeat(5000);

        String wire = text(written(responses, response, piece("hello"), piece(""), piece(big), last));

        assertThat(wire)
                .isEqualTo("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n1388\r\n" + big + "\r\n"
                        + "1\r\n!\r\n0\r\nX-Checksum: abc\r\n\r\n");
    }

    @Test
    void anEmptyLastPieceEndsAChunkedBody() {
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        response.headers().set("Transfer-Encoding", "chunked");

        assertThat(text(written(responses, response, LastHttpContent.EMPTY_LAST_CONTENT)))
                .isEqualTo("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
    }

    @Test
    void anAnswerToHeadKeepsItsLengthButSendsNoBody() {
        head = true;
        FullHttpResponse response = full(HttpResponseStatus.OK, "body");
        response.headers().set("Content-Length", "4");

        assertThat(text(written(responses, response))).isEqualTo("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\n");
        assertThat(response.refCnt()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 204})
    void interimAndNoContentAnswersLoseTheirFraming(int code) {
        FullHttpResponse response = full(HttpResponseStatus.valueOf(code), "");
        response.headers()
                .set("Content-Length", "0")
                .set("Transfer-Encoding", "chunked")
                .set("X-Kept", "yes");

        assertThat(text(written(responses, response)))
                .isEqualTo("HTTP/1.1 " + HttpResponseStatus.valueOf(code) + "\r\nX-Kept: yes\r\n\r\n");
    }

    @Test
    void resetContentSaysItsBodyIsEmpty() {
        FullHttpResponse response = full(HttpResponseStatus.RESET_CONTENT, "");
        response.headers().set("Transfer-Encoding", "chunked");

        assertThat(text(written(responses, response)))
                .isEqualTo("HTTP/1.1 205 Reset Content\r\ncontent-length: 0\r\n\r\n");
    }

    @Test
    void notModifiedHasNoBodyWhateverItsLength() {
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_MODIFIED);
        response.headers().set("Content-Length", "10");

        assertThat(text(written(responses, response, new DefaultLastHttpContent(bytes("0123456789")))))
                .isEqualTo("HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n");
    }

    @Test
    void anUnusualStatusAndAnOldVersionAreWrittenAsTheyAre() {
        FullHttpResponse response =
                new DefaultFullHttpResponse(HttpVersion.HTTP_1_0, new HttpResponseStatus(299, "Odd"), bytes(""));

        assertThat(text(written(responses, response))).isEqualTo("HTTP/1.0 299 Odd\r\n\r\n");
    }

    @Test
    void aHeadLargerThanTheScratchSpaceIsWrittenWhole() {
        FullHttpResponse response = full(HttpResponseStatus.OK, "");
        String large = "v".repeat(20_000);
        response.headers().set("X-Large", large).set("Content-Length", "0");

        assertThat(text(written(responses, response)))
                .isEqualTo("HTTP/1.1 200 OK\r\nX-Large: " + large + "\r\nContent-Length: 0\r\n\r\n");
    }

    @Test
    void aRequestHeadAndItsStreamedBody() {
        DefaultHttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/v1/keys?limit=2");
        request.headers().set("Host", "keys:8080").set("Content-Length", "7");

        String wire = text(written(requests, request, piece("abc"), new DefaultLastHttpContent(bytes("defg"))));

        assertThat(wire)
                .isEqualTo("POST /v1/keys?limit=2 HTTP/1.1\r\nHost: keys:8080\r\nContent-Length: 7\r\n\r\nabcdefg");
    }

    @Test
    void aBodylessRequestIsItsHeadAlone() {
        DefaultFullHttpRequest request =
                new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/v1/sites", Unpooled.EMPTY_BUFFER);
        request.headers().set("Host", "edge");

        assertThat(text(written(requests, request))).isEqualTo("GET /v1/sites HTTP/1.1\r\nHost: edge\r\n\r\n");
    }

    @Test
    void whatItWritesTheGatewaysReaderReadsBack() {
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CREATED);
        response.headers().set("Transfer-Encoding", "chunked").set("Location", "/v1/keys/k1");
        LastHttpContent last = new DefaultLastHttpContent(bytes("tail"));
        last.trailingHeaders().set("X-Done", "1");
        ByteBuf wire = Unpooled.wrappedBuffer(
                written(responses, response, piece("a".repeat(3000)), last).toArray(ByteBuf[]::new));

        List<Object> read = new ArrayList<>();
        new UpstreamResponseReader(wire.alloc(), () -> false).read(wire, read::add);

        assertThat(((HttpResponse) read.get(0)).headers().get("Location")).isEqualTo("/v1/keys/k1");
        StringBuilder body = new StringBuilder();
        read.stream()
                .filter(HttpContent.class::isInstance)
                .forEach(part -> body.append(((HttpContent) part).content().toString(StandardCharsets.US_ASCII)));
        assertThat(body).hasToString("a".repeat(3000) + "tail");
        assertThat(((LastHttpContent) read.get(read.size() - 1))
                        .trailingHeaders()
                        .get("X-Done"))
                .isEqualTo("1");
        read.forEach(io.netty.util.ReferenceCountUtil::release);
    }

    private static FullHttpResponse full(HttpResponseStatus status, String body) {
        return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, bytes(body));
    }

    private static HttpContent piece(String text) {
        return new DefaultHttpContent(bytes(text));
    }

    private static ByteBuf bytes(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1);
    }

    private static List<ByteBuf> written(EmbeddedChannel channel, Object... messages) {
        for (Object message : messages) {
            channel.write(message);
        }
        channel.flush();
        List<ByteBuf> out = new ArrayList<>();
        ByteBuf buf;
        while ((buf = channel.readOutbound()) != null) {
            if (buf.isReadable() || buf != Unpooled.EMPTY_BUFFER) {
                out.add(buf);
            }
        }
        return out;
    }

    private static String text(List<ByteBuf> bufs) {
        StringBuilder text = new StringBuilder();
        for (ByteBuf buf : bufs) {
            text.append(buf.toString(StandardCharsets.ISO_8859_1));
        }
        return text.toString();
    }
}
