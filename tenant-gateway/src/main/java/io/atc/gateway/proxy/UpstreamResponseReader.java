package io.atc.gateway.proxy;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.atc.gateway.vertx.VertxInternals;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AsciiString;
import io.netty.util.ByteProcessor;

/**
 * Reads an upstream's HTTP/1.1 responses from its bytes, strictly (RFC 9112): the head is copied
 * once and its names and values are views of that copy, body pieces are slices of what was read
 * (never copied), and anything a proxy could be smuggled through is refused instead of repaired:
 * obsolete line folding, whitespace before a colon, control characters, both Content-Length and
 * Transfer-Encoding, conflicting lengths, a malformed chunk. Interim (1xx) responses are skipped; a
 * protocol switch is refused, since the gateway never asks for one.
 *
 * <p>Emits, in order, for each response: a {@link DefaultFullHttpResponse} when the head and the
 * whole body arrived together (or there is no body), otherwise a head, body pieces, and a
 * {@link LastHttpContent} (which carries any trailers). A body delimited by the connection's close
 * ends with {@link #closed}.
 */
final class UpstreamResponseReader {

    /** A response the gateway will not pass on; the connection is not used again. */
    static final class MalformedResponse extends RuntimeException {
        MalformedResponse(String message) {
            super(message, null, false, false);
        }
    }

    static final int MAX_HEAD = 32 * 1024;
    private static final int MAX_CHUNK_LINE = 4096;
    private static final int SMALL_BODY = 2048;

    private enum State {
        HEAD,
        LENGTH,
        CHUNK_SIZE,
        CHUNK_DATA,
        CHUNK_END,
        TRAILERS,
        UNTIL_CLOSE,
        BROKEN
    }

    private final ByteBufAllocator alloc;
    private final BooleanSupplier answeringHead;
    private final LineEnd lineEnd = new LineEnd();
    private State state = State.HEAD;
    private boolean reusable;
    private long remaining;
    private ByteBuf pending;

    /** @param answeringHead whether the response now being read answers a HEAD request (it then has no body) */
    UpstreamResponseReader(ByteBufAllocator alloc, BooleanSupplier answeringHead) {
        this.alloc = alloc;
        this.answeringHead = answeringHead;
    }

    /**
     * Reads what arrived (and releases it), passing each complete message part to {@code out}.
     *
     * @throws MalformedResponse when the bytes are not a response the gateway passes on
     */
    void read(ByteBuf in, Consumer<Object> out) {
        ByteBuf buf = in;
        if (pending != null) {
            buf = pending;
            pending = null;
            try {
                buf.writeBytes(in);
            } finally {
                in.release();
            }
        }
        try {
            while (buf.isReadable() && readOne(buf, out)) {
                // next part
            }
            if (buf.isReadable() && state != State.BROKEN) {
                // A part that is not complete yet (a head, a chunk line): kept in a fresh buffer, since slices of this
                // one are out.
                pending = alloc.buffer(Math.max(buf.readableBytes() * 2, 256)).writeBytes(buf);
            }
        } catch (MalformedResponse e) {
            state = State.BROKEN;
            throw e;
        } finally {
            buf.release();
        }
    }

    /** The connection closed: a body delimited by the close ends here (any other response in progress was cut short). */
    void closed(Consumer<Object> out) {
        release();
        if (state == State.UNTIL_CLOSE) {
            state = State.HEAD;
            out.accept(LastHttpContent.EMPTY_LAST_CONTENT);
        }
    }

    void release() {
        if (pending != null) {
            pending.release();
            pending = null;
        }
    }

    /** Reads one part from {@code buf}; false when it needs more bytes. */
    private boolean readOne(ByteBuf buf, Consumer<Object> out) {
        switch (state) {
            case HEAD:
                return readHead(buf, out);
            case LENGTH: {
                int size = (int) Math.min(remaining, buf.readableBytes());
                remaining -= size;
                ByteBuf piece = buf.readRetainedSlice(size);
                if (remaining == 0) {
                    state = State.HEAD;
                    out.accept(new DefaultLastHttpContent(piece));
                } else {
                    out.accept(new DefaultHttpContent(piece));
                }
                return true;
            }
            case CHUNK_SIZE:
                return readChunkSize(buf);
            case CHUNK_DATA: {
                int size = (int) Math.min(remaining, buf.readableBytes());
                remaining -= size;
                out.accept(new DefaultHttpContent(buf.readRetainedSlice(size)));
                if (remaining == 0) {
                    state = State.CHUNK_END;
                }
                return true;
            }
            case CHUNK_END: {
                int at = buf.readerIndex();
                if (buf.getByte(at) == '\r') {
                    if (buf.readableBytes() < 2) {
                        return false;
                    }
                    at++;
                }
                if (buf.getByte(at) != '\n') {
                    throw new MalformedResponse("a chunk is longer than its size says");
                }
                buf.readerIndex(at + 1);
                state = State.CHUNK_SIZE;
                return true;
            }
            case TRAILERS:
                return readTrailers(buf, out);
            case UNTIL_CLOSE:
                out.accept(new DefaultHttpContent(buf.readRetainedSlice(buf.readableBytes())));
                return true;
            default:
                buf.skipBytes(buf.readableBytes());
                return false;
        }
    }

    // --- the head ---------------------------------------------------------------------------------

    private boolean readHead(ByteBuf buf, Consumer<Object> out) {
        byte[] head = sectionBytes(buf, "the response head");
        if (head == null) {
            return false;
        }
        Head parsed = new Head(head);
        if (parsed.status.code() == 101) {
            throw new MalformedResponse("the upstream switched protocols, which the gateway never asks for");
        }
        if (parsed.status.code() < 200) {
            return true; // interim (100 Continue, 103 Early Hints): not passed on; the final answer follows
        }
        Object first;
        if (answeringHead.getAsBoolean() || parsed.status.code() == 204 || parsed.status.code() == 304) {
            first = parsed.full(Unpooled.EMPTY_BUFFER);
        } else if (parsed.transferEncoding != null) {
            if (parsed.contentLength >= 0) {
                throw new MalformedResponse("the response has both Content-Length and Transfer-Encoding");
            }
            state = endsWithChunked(parsed.transferEncoding) ? State.CHUNK_SIZE : State.UNTIL_CLOSE;
            first = parsed.head();
        } else if (parsed.contentLength == 0) {
            first = parsed.full(Unpooled.EMPTY_BUFFER);
        } else if (parsed.contentLength > 0 && parsed.contentLength <= buf.readableBytes()) {
            first = parsed.full(body(buf, (int) parsed.contentLength));
        } else if (parsed.contentLength > 0) {
            state = State.LENGTH;
            remaining = parsed.contentLength;
            first = parsed.head();
        } else {
            state = State.UNTIL_CLOSE;
            first = parsed.head();
        }
        reusable = parsed.persistent() && state != State.UNTIL_CLOSE;
        out.accept(first);
        return true;
    }

    /** Whether the connection can carry another exchange after the response last read (its framing and Connection header allow it). */
    boolean reusable() {
        return reusable;
    }

    /**
     * A whole body that arrived with its head: a small one is copied (the writer copies a body that
     * small behind its head anyway, and a copy costs less than a pooled slice), a larger one sliced.
     */
    private static ByteBuf body(ByteBuf buf, int length) {
        if (length > SMALL_BODY) {
            return buf.readRetainedSlice(length);
        }
        byte[] body = new byte[length];
        buf.readBytes(body);
        return Unpooled.wrappedBuffer(body);
    }

    /** A head's or trailers' bytes up to and including the blank line that ends them (consumed from {@code buf}), or null while incomplete. */
    private byte[] sectionBytes(ByteBuf buf, String what) {
        int start = buf.readerIndex();
        int end = lineEnd.blankLine(buf, MAX_HEAD);
        if (end < 0) {
            if (buf.readableBytes() >= MAX_HEAD) {
                throw new MalformedResponse("more than " + MAX_HEAD + " bytes of " + what);
            }
            return null;
        }
        byte[] section = new byte[end + 1 - start];
        buf.readBytes(section);
        return section;
    }

    private static boolean endsWithChunked(AsciiString transferEncoding) {
        int comma = transferEncoding.lastIndexOf(",");
        AsciiString last = comma < 0
                ? transferEncoding
                : transferEncoding
                        .subSequence(comma + 1, transferEncoding.length(), false)
                        .trim();
        return last.contentEqualsIgnoreCase("chunked");
    }

    /** A parsed response head: its status line and fields (views of the copied bytes). */
    private static final class Head implements FieldSink {

        final HttpVersion version;
        final HttpResponseStatus status;
        final HttpHeaders headers = VertxInternals.DECODED_HEADERS.newHeaders();
        long contentLength = -1;
        AsciiString transferEncoding;
        boolean close;
        boolean keepAlive;

        Head(byte[] h) {
            int lineEnd = endOfLine(h, 0);
            int length = lineEnd;
            if (length < 12
                    || !startsWith(h, "HTTP/1.")
                    || h[8] != ' '
                    || !digit(h[9])
                    || !digit(h[10])
                    || !digit(h[11])
                    || length > 12 && h[12] != ' ') {
                throw new MalformedResponse("the status line is not HTTP/1.x");
            }
            if (h[7] == '1') {
                version = HttpVersion.HTTP_1_1;
            } else if (h[7] == '0') {
                version = HttpVersion.HTTP_1_0;
            } else {
                throw new MalformedResponse("the status line is not HTTP/1.x");
            }
            int code = (h[9] - '0') * 100 + (h[10] - '0') * 10 + (h[11] - '0');
            if (code < 100 || code > 599) {
                throw new MalformedResponse("the status code is out of range");
            }
            status = status(code, h, Math.min(13, length), length);
            readFields(h, next(h, lineEnd), this);
        }

        /** Whether the connection persists after this response (RFC 9112 9.3). */
        boolean persistent() {
            return !close && (version == HttpVersion.HTTP_1_1 || keepAlive);
        }

        DefaultHttpResponse head() {
            return new DefaultHttpResponse(version, status, headers);
        }

        DefaultFullHttpResponse full(ByteBuf body) {
            return new DefaultFullHttpResponse(version, status, body, headers, EmptyHttpHeaders.INSTANCE);
        }

        @Override
        public void field(AsciiString name, AsciiString value) {
            if (name.length() == 14 && name.contentEqualsIgnoreCase("content-length")) {
                long length = contentLength(value);
                if (contentLength >= 0 && contentLength != length) {
                    throw new MalformedResponse("the response has conflicting Content-Length values");
                }
                contentLength = length;
            } else if (name.length() == 10 && name.contentEqualsIgnoreCase("connection")) {
                close |= hasToken(value, "close");
                keepAlive |= hasToken(value, "keep-alive");
            } else if (name.length() == 17 && name.contentEqualsIgnoreCase("transfer-encoding")) {
                transferEncoding = transferEncoding == null ? value : new AsciiString(transferEncoding + ", " + value);
            }
            headers.add(name, value);
        }

        private static HttpResponseStatus status(int code, byte[] h, int reasonStart, int reasonEnd) {
            HttpResponseStatus standard = HttpResponseStatus.valueOf(code);
            for (int i = reasonStart; i < reasonEnd; i++) {
                if (control(h[i])) {
                    throw new MalformedResponse("the reason phrase has a control character");
                }
            }
            AsciiString reason = new AsciiString(h, reasonStart, reasonEnd - reasonStart, false);
            return reason.contentEquals(standard.reasonPhrase())
                    ? standard
                    : new HttpResponseStatus(code, reason.toString());
        }
    }

    private static AsciiString fieldName(byte[] h, int start, int end) {
        if (h[start] == ' ' || h[start] == '\t') {
            throw new MalformedResponse("the response uses obsolete line folding");
        }
        for (int i = start; i < end; i++) {
            byte b = h[i];
            if (b == ':') {
                if (i == start) {
                    throw new MalformedResponse("a response field has no name");
                }
                return new AsciiString(h, start, i - start, false);
            }
            if (!tchar(b)) {
                throw new MalformedResponse("a response field name has a character a token cannot have");
            }
        }
        throw new MalformedResponse("a response field line has no colon");
    }

    private static AsciiString fieldValue(byte[] h, int start, int end) {
        while (start < end && (h[start] == ' ' || h[start] == '\t')) {
            start++;
        }
        while (end > start && (h[end - 1] == ' ' || h[end - 1] == '\t')) {
            end--;
        }
        for (int i = start; i < end; i++) {
            if (control(h[i])) {
                throw new MalformedResponse("a response field value has a control character");
            }
        }
        return new AsciiString(h, start, end - start, false);
    }

    /** Whether a comma-separated list has {@code token} (case-insensitive). */
    private static boolean hasToken(AsciiString list, String token) {
        int start = 0;
        int length = list.length();
        while (start <= length) {
            int comma = list.indexOf(',', start);
            int end = comma < 0 ? length : comma;
            AsciiString item = list.subSequence(start, end, false).trim();
            if (item.contentEqualsIgnoreCase(token)) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    private static long contentLength(AsciiString value) {
        if (value.isEmpty() || value.length() > 18) {
            throw new MalformedResponse("the response's Content-Length is not a length");
        }
        long length = 0;
        for (int i = 0; i < value.length(); i++) {
            byte b = value.byteAt(i);
            if (!digit(b)) {
                throw new MalformedResponse("the response's Content-Length is not a length");
            }
            length = length * 10 + (b - '0');
        }
        return length;
    }

    // --- chunks -----------------------------------------------------------------------------------

    private boolean readChunkSize(ByteBuf buf) {
        int end = chunkLineEnd(buf);
        if (end < 0) {
            return false;
        }
        int start = buf.readerIndex();
        long size = 0;
        int digits = 0;
        int i = start;
        for (; i < end; i++) {
            int value = Character.digit(buf.getByte(i), 16);
            if (value < 0) {
                break;
            }
            if (++digits > 15) {
                throw new MalformedResponse("a chunk size is too large");
            }
            size = size * 16 + value;
        }
        int stop = end > start && buf.getByte(end - 1) == '\r' ? end - 1 : end;
        if (digits == 0 || i < stop && buf.getByte(i) != ';' && buf.getByte(i) != ' ' && buf.getByte(i) != '\t') {
            throw new MalformedResponse("a chunk size line is malformed");
        }
        for (int j = i; j < stop; j++) {
            if (control(buf.getByte(j))) {
                throw new MalformedResponse("a chunk extension has a control character");
            }
        }
        buf.readerIndex(end + 1);
        if (size == 0) {
            state = State.TRAILERS;
        } else {
            state = State.CHUNK_DATA;
            remaining = size;
        }
        return true;
    }

    private boolean readTrailers(ByteBuf buf, Consumer<Object> out) {
        byte[] h = sectionBytes(buf, "the response's trailers");
        if (h == null) {
            return false;
        }
        state = State.HEAD;
        if (h.length <= 2) {
            out.accept(LastHttpContent.EMPTY_LAST_CONTENT);
            return true;
        }
        DefaultLastHttpContent last =
                new DefaultLastHttpContent(Unpooled.EMPTY_BUFFER, VertxInternals.DECODED_HEADERS.newHeaders());
        readFields(h, 0, (name, value) -> {
            // Framing fields have no meaning in trailers.
            if (!name.contentEqualsIgnoreCase("content-length")
                    && !name.contentEqualsIgnoreCase("transfer-encoding")
                    && !name.contentEqualsIgnoreCase("trailer")) {
                last.trailingHeaders().add(name, value);
            }
        });
        out.accept(last);
        return true;
    }

    /** Reads the field lines from {@code line} to the blank line that ends them. */
    private static void readFields(byte[] h, int line, FieldSink sink) {
        while (true) {
            int end = endOfLine(h, line);
            if (end == line) {
                return;
            }
            AsciiString name = fieldName(h, line, end);
            sink.field(name, fieldValue(h, line + name.length() + 1, end));
            line = next(h, end);
        }
    }

    @FunctionalInterface
    private interface FieldSink {
        void field(AsciiString name, AsciiString value);
    }

    // --- lines ------------------------------------------------------------------------------------

    /** The index of the LF ending a chunk size line, or -1 (more bytes needed); a longer line than allowed is refused. */
    private static int chunkLineEnd(ByteBuf buf) {
        int end = buf.indexOf(
                buf.readerIndex(), buf.readerIndex() + Math.min(MAX_CHUNK_LINE, buf.readableBytes()), (byte) '\n');
        if (end < 0 && buf.readableBytes() >= MAX_CHUNK_LINE) {
            throw new MalformedResponse("a chunk size line is longer than " + MAX_CHUNK_LINE + " bytes");
        }
        return end;
    }

    /** The end of the line starting at {@code start} (the index of its CR, or of its LF when it has none). */
    private static int endOfLine(byte[] h, int start) {
        int lf = start;
        byte b;
        while ((b = h[lf]) != '\n') {
            if (b == '\r' && h[lf + 1] != '\n') {
                throw new MalformedResponse("a response line has a bare CR");
            }
            lf++;
        }
        return lf > start && h[lf - 1] == '\r' ? lf - 1 : lf;
    }

    /** The start of the line after the one ending at {@code end}. */
    private static int next(byte[] h, int end) {
        return h[end] == '\r' ? end + 2 : end + 1;
    }

    /** Finds the LF that ends a blank line (the end of a head or of trailers). */
    private static final class LineEnd implements ByteProcessor {
        private boolean atLineStart;

        int blankLine(ByteBuf buf, int max) {
            atLineStart = true; // a section starts at a line's start: an empty one is just its blank line
            int searched = Math.min(max, buf.readableBytes());
            return buf.forEachByte(buf.readerIndex(), searched, this);
        }

        @Override
        public boolean process(byte value) {
            if (value == '\n') {
                if (atLineStart) {
                    return false;
                }
                atLineStart = true;
            } else if (value != '\r') {
                atLineStart = false;
            }
            return true;
        }
    }

    private static boolean startsWith(byte[] h, String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            if (h[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean digit(byte b) {
        return b >= '0' && b <= '9';
    }

    /** A control character other than HTAB (obs-text, 0x80 and up, is allowed in values). */
    private static boolean control(byte b) {
        return b >= 0 && b < 0x20 && b != '\t' || b == 0x7f;
    }

    /** RFC 9110 tchar. */
    private static boolean tchar(byte b) {
        if (b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9') {
            return true;
        }
        switch (b) {
            case '!', '#', '$', '%', '&', '\'', '*', '+', '-', '.', '^', '_', '`', '|', '~':
                return true;
            default:
                return false;
        }
    }
}
