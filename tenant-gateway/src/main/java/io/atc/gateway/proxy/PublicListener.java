package io.atc.gateway.proxy;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.atc.core.startup.StartupRefusal;
import io.atc.gateway.config.GatewayConfig;
import io.atc.gateway.metrics.GatewayMetrics;
import io.atc.gateway.vertx.VertxInternals;
import io.atc.gateway.vertx.VertxInternals.LoopContext;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * The gateway's public port: a Netty HTTP/1.1 (and prior-knowledge h2c) server on Vert.x's own
 * event loops, each connection served by one loop and its Vert.x context. The gateway's rules run
 * on the decoded request and the request and response are forwarded as messages, rewritten in
 * place, without a second HTTP stack in between (docs/gateway.md, "Why the public port is a Netty
 * pipeline"). It serves the routed API only: every other path is a 404 from the rules. Quarkus's
 * own HTTP server (health, metrics, OpenAPI) listens on loopback only and is never reached through
 * this port.
 */
@Singleton
public class PublicListener {

    private static final Logger LOG = Logger.getLogger(PublicListener.class);
    private static final ByteBuf HTTP2_PREFACE =
            Unpooled.unreleasableBuffer(Http2CodecUtil.connectionPrefaceBuf()).asReadOnly();

    private final Vertx vertx;
    private final Instance<RequestPolicy> policy;
    private ClientConnection.ExchangeHandler handler;
    private final Exchange.Services services;
    private final String host;
    private final int port;
    private final long idleNanos;
    private final int maxInitialLine;
    private final int maxHeaders;
    private final Map<EventLoop, LoopContext> contexts = new ConcurrentHashMap<>();
    private volatile Channel server;
    private volatile int boundPort;

    /** @param policy looked up at start, after the start-up checks: creating it creates the rules, which parse their settings */
    public PublicListener(
            Vertx vertx,
            Instance<RequestPolicy> policy,
            Forwarder forwarder,
            GatewayMetrics metrics,
            ProblemWriter problems,
            Upstreams upstreams,
            GatewayConfig proxy) {
        this.vertx = vertx;
        this.policy = policy;
        this.services = new Exchange.Services(
                metrics,
                problems,
                forwarder,
                upstreams,
                proxy.maxRequestBody().asLongValue(),
                proxy.upstreamResponseTimeout().toNanos());
        this.host = proxy.host();
        this.port = LaunchMode.current() == LaunchMode.TEST ? 0 : proxy.port();
        this.idleNanos =
                Math.max(TimeUnit.SECONDS.toNanos(1), proxy.clientIdleTimeout().toNanos());
        this.maxInitialLine = 4096;
        this.maxHeaders = 20 * 1024;
    }

    void start(@Observes @Priority(Integer.MAX_VALUE) StartupEvent started) throws InterruptedException {
        if (StartupRefusal.refused()) {
            return;
        }
        RequestPolicy rules = policy.get();
        handler = rules::handle;
        server = new ServerBootstrap()
                .group(VertxInternals.acceptorEventLoopGroup(vertx), VertxInternals.eventLoopGroup(vertx))
                .channelFactory(VertxInternals.serverChannelFactory(vertx))
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast(new ProtocolDetector());
                    }
                })
                .bind(host, port)
                .sync()
                .channel();
        boundPort = ((InetSocketAddress) server.localAddress()).getPort();
        LOG.infof("gateway listening on %s:%d", host, boundPort);
    }

    void stop(@Observes ShutdownEvent stopping) {
        Channel channel = server;
        if (channel != null) {
            channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }

    /** The public port actually bound (tests bind a free one: io.atc.gateway.support.PublicPortForRestAssured). */
    public int port() {
        return boundPort;
    }

    private LoopContext contextOf(EventLoop loop) {
        return contexts.computeIfAbsent(loop, l -> VertxInternals.contextOf(vertx, l));
    }

    private void http1(ChannelPipeline pipeline, EventLoop loop) {
        ClientConnection connection = new ClientConnection(handler, services, contextOf(loop), idleNanos);
        pipeline.addLast(
                new StrictRequestDecoder(new HttpDecoderConfig()
                        .setMaxInitialLineLength(maxInitialLine)
                        .setMaxHeaderSize(maxHeaders)
                        .setHeadersFactory(VertxInternals.DECODED_HEADERS)
                        .setStrictLineParsing(true)
                        .setUseRfc9112TransferEncoding(true)),
                Http1Encoder.responses(connection::answeringHead),
                connection);
    }

    private void http2(ChannelPipeline pipeline, EventLoop loop) {
        LoopContext context = contextOf(loop);
        pipeline.addLast(
                Http2FrameCodecBuilder.forServer().build(), new Http2MultiplexHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel stream) {
                        stream.pipeline()
                                .addLast(
                                        new Http2StreamFrameToHttpObjectCodec(true),
                                        new ClientConnection(handler, services, context, 0));
                    }
                }));
    }

    /** Reads just enough of a new connection to tell HTTP/2 with prior knowledge from HTTP/1.x, then steps aside. */
    private final class ProtocolDetector extends ByteToMessageDecoder {
        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf in, java.util.List<Object> out) {
            int length = Math.min(in.readableBytes(), HTTP2_PREFACE.readableBytes());
            boolean prefaceSoFar =
                    ByteBufUtil.equals(in, in.readerIndex(), HTTP2_PREFACE, HTTP2_PREFACE.readerIndex(), length);
            if (prefaceSoFar && length < HTTP2_PREFACE.readableBytes()) {
                return;
            }
            ChannelPipeline pipeline = ctx.pipeline();
            if (prefaceSoFar) {
                http2(pipeline, ctx.channel().eventLoop());
            } else {
                http1(pipeline, ctx.channel().eventLoop());
            }
            pipeline.remove(this);
        }
    }
}
