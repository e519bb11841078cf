package io.atc.gateway.proxy;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLException;

import jakarta.inject.Singleton;

import io.atc.gateway.config.GatewayConfig;
import io.atc.gateway.routing.Route;
import io.atc.gateway.routing.RouteTable;
import io.atc.gateway.vertx.VertxInternals;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.AsciiString;
import io.netty.util.concurrent.FastThreadLocal;
import io.vertx.core.Vertx;

/**
 * Keep-alive HTTP/1.1 connections to the upstream services, kept per event loop as nginx workers
 * keep theirs: a request always gets a connection on its own event loop (no hand-over between
 * threads, no shared pool to scan). Idle connections are capped per upstream and event loop, and
 * one idle for longer than the upstream idle timeout is closed when it is next looked at (taken, or
 * the oldest in its pool when another goes back); connections in use are not capped (the clients'
 * own connections bound them).
 */
@Singleton
public class Upstreams {

    /** An upstream: where it listens and what the gateway sends as Host. */
    record Upstream(int index, String name, SocketAddress address, AsciiString host, boolean tls) {}

    private final Upstream[] byRoute;
    private final Upstream[] all;
    private final ChannelFactory<? extends Channel> tcp;
    private final AddressResolverGroup<InetSocketAddress> resolver;
    private final int maxIdle;
    private final long idleNanos;
    private final long connectTimeoutMillis;
    private final SslContext tls;
    private final FastThreadLocal<ArrayDeque<Channel>[]> idleOfThisLoop = new FastThreadLocal<>() {
        @Override
        @SuppressWarnings("unchecked")
        protected ArrayDeque<Channel>[] initialValue() {
            ArrayDeque<Channel>[] idle = new ArrayDeque[all.length];
            for (int i = 0; i < idle.length; i++) {
                idle[i] = new ArrayDeque<>();
            }
            return idle;
        }
    };

    public Upstreams(Vertx vertx, GatewayConfig config, RouteTable routes) {
        Map<String, Upstream> byName = new HashMap<>();
        config.upstreams().forEach((name, upstream) -> byName.put(name, describe(byName.size(), name, upstream.url())));
        this.all = new Upstream[byName.size()];
        byName.values().forEach(upstream -> all[upstream.index()] = upstream);
        this.byRoute = new Upstream[routes.routes().size()];
        for (Route route : routes.routes()) {
            byRoute[route.index()] = byName.get(route.upstream());
        }
        this.tcp = VertxInternals.channelFactory(vertx);
        this.resolver = VertxInternals.addressResolverGroup(vertx);
        this.maxIdle = config.upstreamPoolSize();
        this.idleNanos = config.upstreamIdleTimeout().toNanos();
        this.connectTimeoutMillis = config.upstreamConnectTimeout().toMillis();
        this.tls = byName.values().stream().anyMatch(Upstream::tls) ? clientTls() : null;
    }

    Upstream of(Route route) {
        return byRoute[route.index()];
    }

    /** A connection to {@code upstream} on {@code loop}: a pooled one (its future already done) or a new one being opened. */
    ChannelFuture acquire(Upstream upstream, EventLoop loop) {
        ArrayDeque<Channel> idle = idleOfThisLoop.get()[upstream.index()];
        Channel channel;
        while ((channel = idle.pollLast()) != null) {
            if (usable(channel)) {
                return channel.newSucceededFuture();
            }
            channel.close();
        }
        return connect(upstream, loop);
    }

    /** A new connection to {@code upstream} on {@code loop}. */
    ChannelFuture connect(Upstream upstream, EventLoop loop) {
        return new Bootstrap()
                .group(loop)
                .channelFactory(tcp)
                .resolver(resolver)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeoutMillis)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ChannelPipeline pipeline = ch.pipeline();
                        if (upstream.tls()) {
                            InetSocketAddress at = (InetSocketAddress) upstream.address();
                            pipeline.addLast(tls.newHandler(ch.alloc(), at.getHostString(), at.getPort()));
                        }
                        pipeline.addLast(Http1Encoder.requests(), new UpstreamConnection());
                    }
                })
                .connect(upstream.address());
    }

    /** Back to the pool after a complete exchange (on the connection's own event loop), or closed when the pool is full. */
    void release(Upstream upstream, Channel channel) {
        ArrayDeque<Channel> idle = idleOfThisLoop.get()[upstream.index()];
        Channel oldest = idle.peekFirst();
        if (oldest != null && !usable(oldest)) {
            idle.pollFirst().close();
        }
        if (channel.isActive() && idle.size() < maxIdle) {
            idle.addLast(channel);
        } else {
            channel.close();
        }
    }

    private boolean usable(Channel pooled) {
        return pooled.isActive() && !((UpstreamConnection) pooled.pipeline().last()).idleLongerThan(idleNanos);
    }

    private static Upstream describe(int index, String name, String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("atc.gateway.upstreams." + name + ".url is not a URL: " + url);
        }
        boolean tls = "https".equals(uri.getScheme());
        if (!tls && !"http".equals(uri.getScheme())
                || uri.getHost() == null
                || uri.getRawPath() != null
                        && !uri.getRawPath().isEmpty()
                        && !uri.getRawPath().equals("/")
                || uri.getRawQuery() != null
                || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(
                    "atc.gateway.upstreams." + name + ".url must be http(s)://host[:port], got " + url);
        }
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        boolean defaultPort = port == (tls ? 443 : 80);
        return new Upstream(
                index,
                name,
                InetSocketAddress.createUnresolved(uri.getHost(), port),
                AsciiString.of(defaultPort ? uri.getHost() : uri.getHost() + ":" + port),
                tls);
    }

    private static SslContext clientTls() {
        try {
            return SslContextBuilder.forClient()
                    .protocols(List.of("TLSv1.3", "TLSv1.2"))
                    .build();
        } catch (SSLException e) {
            throw new IllegalStateException("TLS to the upstreams cannot be set up", e);
        }
    }
}
