package io.atc.gateway.proxy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

import io.atc.gateway.vertx.VertxInternals.LoopContext;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.SocketAddress;

/**
 * One client connection (or one HTTP/2 stream): its requests in order, one exchange at a time.
 * Requests a client pipelines behind the current one wait, decoded, until it is done; past a few,
 * the connection stops being read.
 */
final class ClientConnection extends ChannelInboundHandlerAdapter {

    private static final int MAX_WAITING = 64;
    /** How long a closing connection still reads (and drops) what the client sends; nginx's lingering_timeout is 5 s. */
    static final long LINGER_MILLIS = 2000;

    private final ExchangeHandler handler;
    private final Exchange.Services services;
    private final LoopContext context;
    private final boolean stream;
    private final long idleNanos;
    private final ArrayDeque<Object> waiting = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private SilenceTimer silence;
    private SocketAddress peer;
    private Exchange current;
    private boolean closing;
    private boolean reading;
    private Exchange unflushed;
    private InetAddress lastClient;
    private AsciiString lastClientText;

    /** Where each new exchange goes (the gateway's rules). */
    interface ExchangeHandler {
        void handle(Exchange exchange);
    }

    /**
     * @param context the Vert.x context of the connection's event loop
     * @param idleNanos a connection that sends nothing for this long between requests is closed; 0 for an HTTP/2
     *        stream (one request, no Connection headers)
     */
    ClientConnection(ExchangeHandler handler, Exchange.Services services, LoopContext context, long idleNanos) {
        this.handler = handler;
        this.services = services;
        this.context = context;
        this.stream = idleNanos == 0;
        this.idleNanos = idleNanos;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        if (!stream) {
            silence = new SilenceTimer(ctx, this::silent);
            silence.watch(idleNanos);
        }
    }

    private void silent() {
        if (current == null) {
            ctx.close();
        } else {
            silence.watch(idleNanos);
        }
    }

    /** Whether the response being written answers a HEAD request. */
    boolean answeringHead() {
        Exchange exchange = current;
        return exchange != null && exchange.method() == HttpMethod.HEAD;
    }

    ChannelHandlerContext ctx() {
        return ctx;
    }

    LoopContext context() {
        return context;
    }

    boolean stream() {
        return stream;
    }

    SocketAddress peer() {
        if (peer == null) {
            peer = SocketAddress.inetSocketAddress(
                    (InetSocketAddress) ctx.channel().remoteAddress());
        }
        return peer;
    }

    /** An address's text, formatted once per connection while its requests resolve to the same client. */
    AsciiString textOf(InetAddress client) {
        if (!client.equals(lastClient)) {
            lastClientText = new AsciiString(client.getHostAddress());
            lastClient = client;
        }
        return lastClientText;
    }

    /**
     * Whether the upstream flush of what the exchange just wrote can wait for the end of the
     * client's read burst: a request head and its (empty) last content then leave in one flush.
     */
    boolean flushLater(Exchange exchange) {
        if (!reading || stream) {
            return false;
        }
        if (unflushed != null && unflushed != exchange) {
            unflushed.flushUpstream();
        }
        unflushed = exchange;
        return true;
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        reading = false;
        if (silence != null) {
            silence.activity();
        }
        Exchange exchange = unflushed;
        if (exchange != null) {
            unflushed = null;
            exchange.flushUpstream();
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        reading = true;
        if (closing) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (current != null && current.requestEnded() || !waiting.isEmpty()) {
            waiting.add(msg);
            if (waiting.size() > MAX_WAITING) {
                ctx.channel().config().setAutoRead(false);
            }
            return;
        }
        dispatch(msg);
    }

    private void dispatch(Object msg) {
        if (msg instanceof HttpRequest request) {
            Exchange exchange = Exchange.start(this, request, services);
            // Current before it may be refused: its end (exchangeDone) then closes the connection.
            current = exchange;
            if (exchange.refusedAsMalformed()) {
                return;
            }
            context.dispatch(exchange, handler::handle);
        }
        if (msg instanceof HttpContent content) {
            if (current == null) {
                content.release();
            } else {
                current.requestContent(content);
            }
        }
    }

    /** The exchange is over (answered and its request read, or cut off): the next waiting request, if any, goes. */
    void exchangeDone(Exchange exchange, boolean closeConnection) {
        if (current != exchange) {
            return;
        }
        current = null;
        if (closeConnection || stream) {
            closing = true;
            releaseWaiting();
            if (!stream) {
                // After what is already written has gone out: a close now would drop an answer's unsent tail.
                ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(written -> linger());
            }
            return;
        }
        Object next;
        while (!closing && (current == null || !current.requestEnded()) && (next = waiting.poll()) != null) {
            dispatch(next);
        }
        if (waiting.size() <= MAX_WAITING && !ctx.channel().config().isAutoRead()) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    /**
     * Closes the connection the way nginx's lingering close does: the write side is shut (the client
     * reads the whole answer, then the end), and what the client still sends (the rest of a refused
     * upload) is read and dropped until it closes too, for at most {@link #LINGER_MILLIS}. Closing
     * with unread bytes would make the kernel reset the connection, and a reset can take the answer
     * with it before the client has read it.
     */
    private void linger() {
        Channel channel = ctx.channel();
        if (!channel.isActive() || !(channel instanceof DuplexChannel duplex)) {
            ctx.close();
            return;
        }
        HttpRequestDecoder decoder = ctx.pipeline().get(HttpRequestDecoder.class);
        if (decoder != null) {
            ctx.pipeline().remove(decoder); // what follows is dropped unread, not decoded
        }
        channel.config().setAutoRead(true);
        duplex.shutdownOutput().addListener(shut -> ctx.executor()
                .schedule(
                        () -> {
                            ctx.close();
                        },
                        LINGER_MILLIS,
                        TimeUnit.MILLISECONDS));
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (current != null) {
            current.clientWritabilityChanged(ctx.channel().isWritable());
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closing = true;
        releaseWaiting();
        Exchange exchange = current;
        current = null;
        if (exchange != null) {
            exchange.clientClosed();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    private void releaseWaiting() {
        Object msg;
        while ((msg = waiting.poll()) != null) {
            ReferenceCountUtil.release(msg);
        }
    }
}
