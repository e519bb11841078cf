package io.atc.gateway.proxy;

import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.http.HttpMethod;

/**
 * One keep-alive connection to an upstream: hands what arrives to the exchange it currently serves,
 * if any, and watches its silence while it serves (one re-arming timer per connection, not a timer
 * per request). An idle pooled connection is not watched: the pool drops it when it is taken after
 * too long ({@link #idleLongerThan}). Reads the responses itself ({@link UpstreamResponseReader}), with
 * no decoder in front of it.
 */
final class UpstreamConnection extends ChannelInboundHandlerAdapter {

    private final Consumer<Object> deliver = this::deliver;
    private ChannelHandlerContext ctx;
    private SilenceTimer silence;
    private UpstreamResponseReader reader;
    private Exchange serving;
    private long idleSince;

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.silence = new SilenceTimer(ctx, this::silent);
        this.reader = new UpstreamResponseReader(ctx.alloc(), this::answeringHead);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        reader.release();
    }

    /** Whether the connection can serve another exchange after the response just read. */
    boolean reusable() {
        return reader.reusable();
    }

    /** Whether the response being read answers a HEAD request. */
    boolean answeringHead() {
        Exchange exchange = serving;
        return exchange != null && exchange.method() == HttpMethod.HEAD;
    }

    void serve(Exchange exchange) {
        this.serving = exchange;
        if (exchange == null) {
            idleSince = System.nanoTime();
        }
    }

    /** Whether the connection has been idle (back in the pool) for longer than {@code nanos}. */
    boolean idleLongerThan(long nanos) {
        return serving == null && System.nanoTime() - idleSince > nanos;
    }

    /** The request has gone out: from now on, {@code timeoutNanos} of silence fail the exchange (504, or a cut response). */
    void watch(long timeoutNanos) {
        silence.watch(timeoutNanos);
    }

    private void silent() {
        Exchange exchange = serving;
        if (exchange != null) {
            exchange.upstreamClosed(new TimeoutException("no answer from the upstream"));
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        silence.activity();
        if (!(msg instanceof ByteBuf bytes)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        Exchange exchange = serving;
        if (exchange != null) {
            exchange.upstreamAnswering();
        }
        try {
            reader.read(bytes, deliver);
        } catch (UpstreamResponseReader.MalformedResponse e) {
            fail(e);
        }
    }

    private void deliver(Object part) {
        Exchange exchange = serving;
        if (exchange == null) {
            // An answer nobody asked for: the connection is out of step, so it is not used again.
            ReferenceCountUtil.release(part);
            ctx.close();
            return;
        }
        exchange.upstreamMessage(part);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        Exchange exchange = serving;
        if (exchange != null) {
            exchange.upstreamReadComplete();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        Exchange exchange = serving;
        if (exchange != null) {
            exchange.upstreamWritabilityChanged(ctx.channel().isWritable());
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        reader.closed(deliver); // a body delimited by the close ends; the exchange then no longer waits
        Exchange exchange = serving;
        serving = null;
        if (exchange != null) {
            exchange.upstreamClosed(null);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(cause);
    }

    private void fail(Throwable cause) {
        Exchange exchange = serving;
        serving = null;
        ctx.close();
        if (exchange != null) {
            exchange.upstreamClosed(cause);
        }
    }
}
