package io.atc.gateway.proxy;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ByteProcessor;

/**
 * Netty's request decoder, refusing what it would otherwise fold away: a header line that starts
 * with whitespace (obs-fold, RFC 9112 5.2, or whitespace before the first field, RFC 9112 2.2).
 * Netty joins such a line to the previous value, so a hidden field would reach the rules as part of
 * a value and the services as whatever their parser makes of it. The request head's bytes are
 * scanned once as they arrive (the bodies are not); a request with such a line is passed on marked
 * as undecodable, and its exchange answers 400 and closes the connection.
 */
final class StrictRequestDecoder extends HttpRequestDecoder implements ByteProcessor {

    private static final int START = 0;
    private static final int IN_LINE = 1;
    private static final int LINE_START = 2;
    private static final int END_CR = 3;

    /** Bytes the decoder has consumed since the connection began. */
    private long consumed;
    /** Bytes scanned since the connection began (ahead of {@link #consumed} while a head arrives). */
    private long scanned;

    private boolean inHead = true;
    private int state = START;
    private boolean folded;

    StrictRequestDecoder(HttpDecoderConfig config) {
        super(config);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        int start = in.readerIndex();
        if (inHead) {
            int from = start + (int) (scanned - consumed);
            int to = in.writerIndex();
            if (from < to) {
                int stopped = in.forEachByte(from, to - from, this);
                scanned = consumed + ((stopped < 0 ? to : stopped + 1) - start);
                if (stopped >= 0) {
                    inHead = false;
                }
            }
        }
        int before = out.size();
        super.decode(ctx, in, out);
        consumed += in.readerIndex() - start;
        for (int i = before, size = out.size(); i < size; i++) {
            Object message = out.get(i);
            if (message instanceof HttpRequest request
                    && folded
                    && request.decoderResult().isSuccess()) {
                request.setDecoderResult(DecoderResult.failure(new MalformedFieldsException(
                        "A header line starts with whitespace (obs-fold, RFC 9112 5.2): refused.")));
            }
            if (message instanceof LastHttpContent) {
                // The message ended where the decoder stands: the next head starts there.
                inHead = true;
                folded = false;
                state = START;
                scanned = consumed;
            }
        }
    }

    /** One byte of a request head: false at its end (the empty line). */
    @Override
    public boolean process(byte value) {
        switch (state) {
            case START -> {
                // The decoder skips control characters and whitespace before the request line.
                if ((value & 0xff) > ' ' && value != 0x7f) {
                    state = IN_LINE;
                }
            }
            case IN_LINE -> {
                if (value == '\n') {
                    state = LINE_START;
                }
            }
            case LINE_START -> {
                if (value == ' ' || value == '\t') {
                    folded = true;
                    state = IN_LINE;
                } else if (value == '\r') {
                    state = END_CR;
                } else if (value == '\n') {
                    return false;
                } else {
                    state = IN_LINE;
                }
            }
            default -> {
                if (value == '\n') {
                    return false;
                }
                state = IN_LINE;
            }
        }
        return true;
    }

    /** A request refused for its header section, with the reason its problem states. */
    static final class MalformedFieldsException extends IllegalArgumentException {
        MalformedFieldsException(String reason) {
            super(reason, null);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
