package io.atc.gateway.proxy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;

/**
 * One keep-alive connection to an upstream: hands what arrives to the exchange it currently serves,
 * if any, and watches its silence. The watch is one timer per connection that re-arms itself while
 * the connection serves, not a timer per request.
 */
final class UpstreamConnection extends ChannelInboundHandlerAdapter {

    private ChannelHandlerContext ctx;
    private Exchange serving;
    private long lastActivity;
    private long timeoutNanos;
    private boolean watching;

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    void serve(Exchange exchange) {
        this.serving = exchange;
    }

    /** The request has gone out: from now on, {@code timeoutNanos} of silence fail the exchange (504, or a cut response). */
    void watch(long timeoutNanos) {
        this.timeoutNanos = timeoutNanos;
        this.lastActivity = System.nanoTime();
        if (!watching) {
            watching = true;
            ctx.executor().schedule(this::checkSilence, timeoutNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void checkSilence() {
        Exchange exchange = serving;
        if (exchange == null || !ctx.channel().isActive()) {
            watching = false;
            return;
        }
        long silence = System.nanoTime() - lastActivity;
        if (silence >= timeoutNanos) {
            watching = false;
            exchange.upstreamClosed(new TimeoutException("no answer from the upstream"));
            return;
        }
        ctx.executor().schedule(this::checkSilence, timeoutNanos - silence, TimeUnit.NANOSECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        lastActivity = System.nanoTime();
        Exchange exchange = serving;
        if (exchange == null) {
            // An answer nobody asked for: the connection is out of step, so it is not used again.
            ReferenceCountUtil.release(msg);
            ctx.close();
            return;
        }
        exchange.upstreamMessage(msg);
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
        Exchange exchange = serving;
        serving = null;
        if (exchange != null) {
            exchange.upstreamClosed(null);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent && serving == null) {
            ctx.close();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Exchange exchange = serving;
        serving = null;
        ctx.close();
        if (exchange != null) {
            exchange.upstreamClosed(cause);
        }
    }
}
