package io.atc.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * The gateway's reader of upstream responses, on bytes alone: every framing (length, chunks with
 * extensions and trailers, until close, none), arrival split at every byte, and the refusal of each
 * malformation a response could be smuggled or split through. Breaks when: a body is cut or
 * over-read, a split arrival changes what is read, a HEAD answer is given a body, an interim answer
 * is passed on, a malformed head is repaired instead of refused, or a buffer leaks.
 */
class UpstreamResponseReaderTests {

    private final List<Object> parts = new ArrayList<>();
    private final List<ByteBuf> fed = new ArrayList<>();
    private boolean head;

    @AfterEach
    void nothingLeaks() {
        parts.forEach(ReferenceCountUtil::release);
        assertThat(fed)
                .allSatisfy(buf ->
                        assertThat(buf.refCnt()).as("a buffer read is released").isZero());
    }

    @Test
    void aHeadAndItsWholeBodyInOneReadAreOneFullResponse() {
        read("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 24\r\nX-Extra:  padded \t\r\n\r\n"
                + "{\"sites\":[],\"next\":null}");

        assertThat(parts).hasSize(1);
        FullHttpResponse response = (FullHttpResponse) parts.get(0);
        assertThat(response.status()).isSameAs(HttpResponseStatus.OK);
        assertThat(response.protocolVersion()).isEqualTo(HttpVersion.HTTP_1_1);
        assertThat(response.headers().get("content-type")).isEqualTo("application/json");
        assertThat(response.headers().get("X-Extra"))
                .as("optional whitespace around a value is not part of it")
                .isEqualTo("padded");
        assertThat(text(response.content())).isEqualTo("{\"sites\":[],\"next\":null}");
    }

    @Test
    void aResponseSplitAtEveryByteReadsTheSame() {
        String bytes = "HTTP/1.1 201 Created\r\nLocation: /v1/keys/k1\r\nContent-Length: 11\r\n\r\nhello world";
        splitAtEveryByte(bytes, split -> {
            assertThat(((HttpResponse) parts.get(0)).headers().get("Location")).isEqualTo("/v1/keys/k1");
            assertThat(body()).as("split at %d", split).isEqualTo("hello world");
            assertThat(parts.get(parts.size() - 1)).isInstanceOf(LastHttpContent.class);
        });
    }

    @Test
    void chunksWithExtensionsAndTrailersSplitAtEveryByteReadTheSame() {
        String bytes = "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"
                + "5;name=value\r\nhello\r\n1 ; ext\r\n \r\nA\r\n0123456789\r\n0\r\nX-Checksum: abc\r\nContent-Length: 99\r\n\r\n";
        splitAtEveryByte(bytes, split -> {
            assertThat(body()).as("split at %d", split).isEqualTo("hello 0123456789");
            LastHttpContent last = (LastHttpContent) parts.get(parts.size() - 1);
            assertThat(last.trailingHeaders().get("X-Checksum")).isEqualTo("abc");
            assertThat(last.trailingHeaders().contains("Content-Length"))
                    .as("framing fields mean nothing in trailers")
                    .isFalse();
        });
    }

    @Test
    void chunksWithoutTrailersSplitAtEveryByteEndAtTheBlankLine() {
        String bytes =
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n";
        splitAtEveryByte(bytes, split -> {
            assertThat(body()).as("split at %d", split).isEqualTo("abc");
            assertThat(parts.get(parts.size() - 2)).isInstanceOf(LastHttpContent.class);
            assertThat(((LastHttpContent) parts.get(parts.size() - 2))
                            .trailingHeaders()
                            .isEmpty())
                    .isTrue();
            assertThat(((HttpResponse) parts.get(parts.size() - 1)).status().code())
                    .as("the next response follows in step")
                    .isEqualTo(204);
        });
    }

    @Test
    void aBodyWithoutLengthEndsWhenTheConnectionCloses() {
        UpstreamResponseReader reader = reader();
        feed(reader, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nsome");
        feed(reader, " more");
        assertThat(parts.get(parts.size() - 1)).isNotInstanceOf(LastHttpContent.class);

        reader.closed(parts::add);

        assertThat(body()).isEqualTo("some more");
        assertThat(parts.get(parts.size() - 1)).isInstanceOf(LastHttpContent.class);
    }

    @Test
    void anAnswerToHeadHasNoBodyWhateverItsLengthSaysAndTheNextResponseFollowsInStep() {
        head = true;
        UpstreamResponseReader reader = reader();
        feed(reader, "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n");
        head = false;
        feed(reader, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");

        assertThat(parts).hasSize(2);
        assertThat(((FullHttpResponse) parts.get(0)).content().readableBytes()).isZero();
        assertThat(text(((FullHttpResponse) parts.get(1)).content())).isEqualTo("ok");
    }

    @ParameterizedTest
    @ValueSource(ints = {204, 304})
    void noContentAndNotModifiedHaveNoBody(int status) {
        read("HTTP/1.1 " + status + " X\r\nContent-Length: 5\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");

        assertThat(parts).hasSize(2);
        assertThat(((FullHttpResponse) parts.get(0)).status().code()).isEqualTo(status);
        assertThat(((FullHttpResponse) parts.get(1)).status().code()).isEqualTo(200);
    }

    @Test
    void interimAnswersAreNotPassedOn() {
        read(
                "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");

        assertThat(parts).hasSize(1);
        assertThat(((FullHttpResponse) parts.get(0)).status().code()).isEqualTo(200);
    }

    @Test
    void anUnusualReasonPhraseAndHttp10AreKept() {
        read("HTTP/1.0 200 Fine Thanks\r\nContent-Length: 0\r\n\r\n");

        HttpResponse response = (HttpResponse) parts.get(0);
        assertThat(response.protocolVersion()).isEqualTo(HttpVersion.HTTP_1_0);
        assertThat(response.status().reasonPhrase()).isEqualTo("Fine Thanks");
        assertThat(response.status().code()).isEqualTo(200);
    }

    @Test
    void bareLineFeedsAndRepeatedIdenticalLengthsAreAccepted() {
        read("HTTP/1.1 200\nContent-Length: 2\nContent-Length: 2\n\nok");

        assertThat(text(((FullHttpResponse) parts.get(0)).content())).isEqualTo("ok");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "HTTP/1.1 200 OK\r\nX-A: 1\r\n folded\r\nContent-Length: 0\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length : 0\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: +2\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: 2, 2\r\n\r\n",
                "HTTP/1.1 200 OK\r\nX-A: a\rb\r\nContent-Length: 0\r\n\r\n",
                "HTTP/1.1 200 OK\r\nX-A: a\u0000b\r\nContent-Length: 0\r\n\r\n",
                "HTTP/1.1 200 OK\r\n: empty\r\n\r\n",
                "HTTP/1.1 200 OK\r\nNo colon here\r\n\r\n",
                "HTTP/1.1 200 OK\r\nX(A): 1\r\n\r\n",
                "HTTP/2.0 200 OK\r\n\r\n",
                "HTTP/1.1 20 OK\r\n\r\n",
                "HTTP/1.1 200OK\r\n\r\n",
                "HTTP/1.1 600 Odd\r\n\r\n",
                "ICY 200 OK\r\n\r\n",
                "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nZ\r\n",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10000000000000000\r\n",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2x\r\nab\r\n",
            })
    void aMalformedResponseIsRefusedNotRepaired(String bytes) {
        UpstreamResponseReader reader = reader();

        assertThatThrownBy(() -> feed(reader, bytes)).isInstanceOf(UpstreamResponseReader.MalformedResponse.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n|true",
                "HTTP/1.1 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n|true",
                "HTTP/1.1 200 OK\r\nConnection: x-trace, Close\r\nContent-Length: 0\r\n\r\n|false",
                "HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n|false",
                "HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n|true",
                "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n|false",
            })
    void theConnectionIsReusedOnlyWhenTheResponseAllowsIt(String example) {
        String[] parts = example.split("\\|");
        UpstreamResponseReader reader = reader();
        feed(reader, parts[0]);

        assertThat(reader.reusable()).isEqualTo(Boolean.parseBoolean(parts[1]));
    }

    @Test
    void aHeadLargerThanTheLimitIsRefusedBeforeItEnds() {
        UpstreamResponseReader reader = reader();
        feed(reader, "HTTP/1.1 200 OK\r\n");

        assertThatThrownBy(() -> feed(reader, "X-Big: " + "a".repeat(UpstreamResponseReader.MAX_HEAD) + "\r\n"))
                .isInstanceOf(UpstreamResponseReader.MalformedResponse.class);
    }

    @Test
    void aLongBodyArrivesInPiecesThatAreSlicesOfWhatWasRead() {
        UpstreamResponseReader reader = reader();
        feed(reader, "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n0123");
        feed(reader, "45678");
        feed(reader, "9");

        assertThat(parts).hasSize(4);
        assertThat(parts.get(0)).isInstanceOf(HttpResponse.class).isNotInstanceOf(HttpContent.class);
        assertThat(parts.get(3)).isInstanceOf(LastHttpContent.class);
        assertThat(body()).isEqualTo("0123456789");
    }

    /** Reads {@code bytes} arriving in two parts, split at each position in turn, checking what was read each time. */
    private void splitAtEveryByte(String bytes, IntConsumer check) {
        for (int split = 1; split < bytes.length(); split++) {
            UpstreamResponseReader reader = reader();
            feed(reader, bytes.substring(0, split));
            feed(reader, bytes.substring(split));
            check.accept(split);
            parts.forEach(ReferenceCountUtil::release);
            parts.clear();
        }
    }

    private UpstreamResponseReader reader() {
        return new UpstreamResponseReader(ByteBufAllocator.DEFAULT, () -> head);
    }

    private void read(String bytes) {
        feed(reader(), bytes);
    }

    private void feed(UpstreamResponseReader reader, String bytes) {
        ByteBuf buf = Unpooled.copiedBuffer(bytes, StandardCharsets.ISO_8859_1);
        fed.add(buf);
        reader.read(buf, parts::add);
    }

    private String body() {
        StringBuilder body = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof HttpContent content) {
                body.append(text(content.content()));
            }
        }
        return body.toString();
    }

    private static String text(ByteBuf buf) {
        return buf.toString(StandardCharsets.ISO_8859_1);
    }
}
