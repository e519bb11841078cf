package io.atc.gateway.proxy;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BooleanSupplier;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.FastThreadLocal;

/**
 * Writes HTTP/1.1 messages as bytes: the responses to a client, or the requests to an upstream.
 * Each head is laid out once in a scratch array and copied into one exactly-sized buffer, with its
 * body when the body is small and complete (the common proxied answer is one buffer, one write);
 * a body is framed in chunks when the head says {@code Transfer-Encoding: chunked}, and passed as it
 * is otherwise. Netty's encoders grow their buffer by estimate and write every name and value
 * through several bounds-checked calls; this is where the gateway spent a tenth of its time.
 *
 * <p>Header names and values are written as they are: the maps they come from are the gateway's
 * (validated when set) or a reader's (validated when read).
 */
final class Http1Encoder extends ChannelOutboundHandlerAdapter {

    /** Bodies up to this size are copied behind their head or chunk line, saving a buffer and a write. */
    private static final int INLINE_BODY = 2048;

    private static final int SCRATCH_SIZE = 8 * 1024;
    private static final FastThreadLocal<byte[]> SCRATCH = new FastThreadLocal<>() {
        @Override
        protected byte[] initialValue() {
            return new byte[SCRATCH_SIZE];
        }
    };
    /** Every status Netty knows by code, and its {@code HTTP/1.1 code reason\r\n}. */
    private static final HttpResponseStatus[] KNOWN = new HttpResponseStatus[600];

    private static final byte[][] STATUS_LINES = new byte[600][];

    static {
        for (int code = 100; code < KNOWN.length; code++) {
            HttpResponseStatus status = HttpResponseStatus.valueOf(code);
            if (status == HttpResponseStatus.valueOf(code)) {
                KNOWN[code] = status;
                STATUS_LINES[code] = statusLine(HttpVersion.HTTP_1_1, status);
            }
        }
    }

    /** How the current message's body goes on the wire; null between messages. */
    private enum Framing {
        NONE,
        AS_IS,
        CHUNKED
    }

    private final BooleanSupplier answeringHead;
    private Framing framing;

    private Http1Encoder(BooleanSupplier answeringHead) {
        this.answeringHead = answeringHead;
    }

    /** Responses to a client; {@code answeringHead} tells when the response has no body whatever its headers say. */
    static Http1Encoder responses(BooleanSupplier answeringHead) {
        return new Http1Encoder(answeringHead);
    }

    /** Requests to an upstream. */
    static Http1Encoder requests() {
        return new Http1Encoder(() -> false);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpMessage message) {
            writeMessage(ctx, message, promise);
        } else if (msg instanceof HttpContent content) {
            writeContent(ctx, content, promise);
        } else {
            ctx.write(msg, promise);
        }
    }

    private void writeMessage(ChannelHandlerContext ctx, HttpMessage message, ChannelPromise promise) {
        if (framing != null) {
            ReferenceCountUtil.release(message);
            promise.setFailure(new IllegalStateException("a message head before the previous message ended"));
            return;
        }
        framing = framingOf(message);
        boolean last = message instanceof LastHttpContent;
        ByteBuf content = message instanceof HttpContent part ? part.content() : Unpooled.EMPTY_BUFFER;
        HttpHeaders trailers = last ? ((LastHttpContent) message).trailingHeaders() : null;
        byte[] statusLine = message instanceof HttpResponse response ? statusLine(response) : null;
        byte[] head = SCRATCH.get();
        int headSize = layOut(message, statusLine, head);
        if (headSize < 0) {
            head = new byte[firstLineSize(message, statusLine) + headersSize(message.headers()) + 2];
            headSize = layOut(message, statusLine, head);
        }
        int bodySize = framing == Framing.NONE ? 0 : framedSize(content, last, trailers);
        boolean inline = bodySize <= INLINE_BODY;
        ByteBuf out = ctx.alloc().directBuffer(inline ? headSize + bodySize : headSize);
        out.writeBytes(head, 0, headSize);
        if (framing == Framing.NONE || bodySize == 0) {
            ReferenceCountUtil.release(message);
            ctx.write(out, promise);
        } else if (inline) {
            frame(out, content, last, trailers);
            ReferenceCountUtil.release(message);
            ctx.write(out, promise);
        } else if (framing == Framing.AS_IS) {
            ctx.write(out, ctx.voidPromise());
            ctx.write(content, promise);
        } else {
            ctx.write(out, ctx.voidPromise());
            writeChunk(ctx, content, last, trailers, promise);
        }
        if (last) {
            framing = null;
        }
    }

    private void writeContent(ChannelHandlerContext ctx, HttpContent content, ChannelPromise promise) {
        boolean last = content instanceof LastHttpContent;
        Framing current = framing;
        if (last) {
            framing = null;
        }
        if (current == null) {
            content.release();
            promise.setFailure(new IllegalStateException("a body piece outside a message"));
        } else if (current == Framing.NONE
                || current == Framing.AS_IS && !content.content().isReadable()) {
            content.release();
            ctx.write(Unpooled.EMPTY_BUFFER, promise);
        } else if (current == Framing.AS_IS) {
            ctx.write(content.content(), promise);
        } else {
            writeChunk(
                    ctx, content.content(), last, last ? ((LastHttpContent) content).trailingHeaders() : null, promise);
        }
    }

    /** A body piece as a chunk (taking over its buffer): copied behind its chunk line when small, else between two writes. */
    private static void writeChunk(
            ChannelHandlerContext ctx, ByteBuf content, boolean last, HttpHeaders trailers, ChannelPromise promise) {
        int framed = chunkedSize(content, last, trailers);
        if (framed == 0) {
            content.release();
            ctx.write(
                    Unpooled.EMPTY_BUFFER,
                    promise); // an empty piece in the middle: a zero-size chunk would end the body
            return;
        }
        if (framed <= INLINE_BODY || !content.isReadable()) {
            ByteBuf out = ctx.alloc().directBuffer(framed);
            chunk(out, content, last, trailers);
            content.release();
            ctx.write(out, promise);
            return;
        }
        ByteBuf line = ctx.alloc().directBuffer(hexDigits(content.readableBytes()) + 2);
        chunkLine(line, content.readableBytes());
        ByteBuf end = ctx.alloc().directBuffer(2 + (last ? lastChunkSize(trailers) : 0));
        end.writeByte('\r').writeByte('\n');
        if (last) {
            lastChunk(end, trailers);
        }
        ctx.write(line, ctx.voidPromise());
        ctx.write(content, ctx.voidPromise());
        ctx.write(end, promise);
    }

    private Framing framingOf(HttpMessage message) {
        if (message instanceof HttpResponse response) {
            int code = response.status().code();
            if (code < 200 || code == 204) {
                response.headers().remove(HttpHeaderNames.CONTENT_LENGTH).remove(HttpHeaderNames.TRANSFER_ENCODING);
                return Framing.NONE;
            }
            if (code == 205) {
                response.headers().remove(HttpHeaderNames.TRANSFER_ENCODING).set(HttpHeaderNames.CONTENT_LENGTH, "0");
                return Framing.NONE;
            }
            if (code == 304 || answeringHead.getAsBoolean()) {
                return Framing.NONE;
            }
        }
        return HttpUtil.isTransferEncodingChunked(message) ? Framing.CHUNKED : Framing.AS_IS;
    }

    // --- sizes and bytes --------------------------------------------------------------------------

    /** The bytes a body piece takes on the wire with this message's framing. */
    private int framedSize(ByteBuf content, boolean last, HttpHeaders trailers) {
        return framing == Framing.AS_IS ? content.readableBytes() : chunkedSize(content, last, trailers);
    }

    private static int chunkedSize(ByteBuf content, boolean last, HttpHeaders trailers) {
        int size = content.readableBytes();
        return (size == 0 ? 0 : hexDigits(size) + 4 + size) + (last ? lastChunkSize(trailers) : 0);
    }

    private static int lastChunkSize(HttpHeaders trailers) {
        return 5 + (trailers == null ? 0 : headersSize(trailers));
    }

    private void frame(ByteBuf out, ByteBuf content, boolean last, HttpHeaders trailers) {
        if (framing == Framing.AS_IS) {
            out.writeBytes(content, content.readerIndex(), content.readableBytes());
        } else {
            chunk(out, content, last, trailers);
        }
    }

    private static void chunk(ByteBuf out, ByteBuf content, boolean last, HttpHeaders trailers) {
        if (content.isReadable()) {
            chunkLine(out, content.readableBytes());
            out.writeBytes(content, content.readerIndex(), content.readableBytes());
            out.writeByte('\r').writeByte('\n');
        }
        if (last) {
            lastChunk(out, trailers);
        }
    }

    private static void chunkLine(ByteBuf out, int size) {
        for (int shift = (hexDigits(size) - 1) * 4; shift >= 0; shift -= 4) {
            out.writeByte(Character.forDigit((size >>> shift) & 0xf, 16));
        }
        out.writeByte('\r').writeByte('\n');
    }

    private static void lastChunk(ByteBuf out, HttpHeaders trailers) {
        out.writeByte('0').writeByte('\r').writeByte('\n');
        if (trailers != null && !trailers.isEmpty()) {
            byte[] bytes = new byte[headersSize(trailers)];
            writeHeaders(trailers, bytes, 0);
            out.writeBytes(bytes);
        }
        out.writeByte('\r').writeByte('\n');
    }

    private static int hexDigits(int size) {
        return size == 0 ? 1 : (35 - Integer.numberOfLeadingZeros(size)) / 4;
    }

    /** Writes the head into {@code to}; its size, or -1 when it does not fit. */
    private static int layOut(HttpMessage message, byte[] statusLine, byte[] to) {
        int at;
        if (statusLine != null) {
            if (statusLine.length > to.length) {
                return -1;
            }
            System.arraycopy(statusLine, 0, to, 0, statusLine.length);
            at = statusLine.length;
        } else {
            HttpRequest request = (HttpRequest) message;
            if (firstLineSize(request, null) > to.length) {
                return -1;
            }
            at = put(to, 0, request.method().asciiName());
            to[at++] = ' ';
            at = put(to, at, request.uri());
            to[at++] = ' ';
            at = put(to, at, request.protocolVersion().text());
            to[at++] = '\r';
            to[at++] = '\n';
        }
        at = writeHeaders(message.headers(), to, at);
        if (at < 0 || at + 2 > to.length) {
            return -1;
        }
        to[at++] = '\r';
        to[at++] = '\n';
        return at;
    }

    private static int firstLineSize(HttpMessage message, byte[] statusLine) {
        if (statusLine != null) {
            return statusLine.length;
        }
        HttpRequest request = (HttpRequest) message;
        return request.method().asciiName().length()
                + request.uri().length()
                + request.protocolVersion().text().length()
                + 4;
    }

    private static byte[] statusLine(HttpResponse response) {
        HttpResponseStatus status = response.status();
        int code = status.code();
        if (code >= 100
                && code < KNOWN.length
                && KNOWN[code] == status
                && response.protocolVersion() == HttpVersion.HTTP_1_1) {
            return STATUS_LINES[code];
        }
        return statusLine(response.protocolVersion(), status);
    }

    private static byte[] statusLine(HttpVersion version, HttpResponseStatus status) {
        return (version.text() + ' ' + status.code() + ' ' + status.reasonPhrase() + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static int headersSize(HttpHeaders headers) {
        int size = 0;
        Iterator<Map.Entry<CharSequence, CharSequence>> entries = headers.iteratorCharSequence();
        while (entries.hasNext()) {
            Map.Entry<CharSequence, CharSequence> entry = entries.next();
            size += entry.getKey().length() + entry.getValue().length() + 4;
        }
        return size;
    }

    /** Writes the fields into {@code to} from {@code at}; where they end, or -1 when they do not fit. */
    private static int writeHeaders(HttpHeaders headers, byte[] to, int at) {
        Iterator<Map.Entry<CharSequence, CharSequence>> entries = headers.iteratorCharSequence();
        while (entries.hasNext()) {
            Map.Entry<CharSequence, CharSequence> entry = entries.next();
            CharSequence name = entry.getKey();
            CharSequence value = entry.getValue();
            if (at + name.length() + value.length() + 4 > to.length) {
                return -1;
            }
            at = put(to, at, name);
            to[at++] = ':';
            to[at++] = ' ';
            at = put(to, at, value);
            to[at++] = '\r';
            to[at++] = '\n';
        }
        return at;
    }

    /** Writes a name or value as ISO-8859-1 (what a header can carry; the gateway's own values are ASCII). */
    @SuppressWarnings(
            "deprecation") // String.getBytes(int, int, byte[], int) keeps each char's low byte: ISO-8859-1, as one
    // array copy
    private static int put(byte[] to, int at, CharSequence text) {
        int length = text.length();
        if (text instanceof AsciiString ascii) {
            System.arraycopy(ascii.array(), ascii.arrayOffset(), to, at, length);
        } else if (text instanceof String string) {
            string.getBytes(0, length, to, at);
        } else {
            for (int i = 0; i < length; i++) {
                to[at + i] = (byte) text.charAt(i);
            }
        }
        return at + length;
    }
}
