package io.atc.gateway.proxy;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;

/** One keep-alive connection to an upstream: hands what arrives to the exchange it currently serves, if any. */
final class UpstreamConnection extends ChannelInboundHandlerAdapter {

    private Exchange serving;

    void serve(Exchange exchange) {
        this.serving = exchange;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
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
