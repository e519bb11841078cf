package io.atc.gateway.vertx;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.resolver.AddressResolverGroup;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.impl.headers.HeadersAdaptor;
import io.vertx.core.http.impl.headers.HeadersMultiMap;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.net.impl.SocketAddressImpl;

/**
 * The one class that uses Vert.x's internal API ({@code io.vertx.core.impl}, {@code ...http.impl}, {@code ...net.impl}),
 * so a Vert.x upgrade that changes it touches this file only (ArchitectureTests keeps it that way).
 *
 * <p>Why the gateway needs it: its public port is a Netty pipeline on Vert.x's own event loops (the
 * acceptor and event loop groups, the transport's channel factories, the address resolver), each
 * connection runs on its loop's Vert.x context so the rules' reactive calls (a key verification)
 * complete there, and a message's headers are one map that is both Netty's {@code HttpHeaders} and
 * Vert.x's {@code MultiMap} ({@code HeadersMultiMap}), so they are never copied between the two.
 */
public final class VertxInternals {

    /**
     * Header maps of decoded messages: they do not validate again what their reader has already checked
     * (Netty's request decoder, the proxy's upstream response reader); what the gateway adds is its own
     * (tokens, ids, addresses) or a value taken from a decoded header.
     */
    public static final HttpHeadersFactory DECODED_HEADERS = new HttpHeadersFactory() {
        @Override
        public HttpHeaders newHeaders() {
            return HeadersMultiMap.headers();
        }

        @Override
        public HttpHeaders newEmptyHeaders() {
            return HeadersMultiMap.headers();
        }
    };

    private VertxInternals() {}

    /** A new, validating header map for a message the gateway writes itself. */
    public static HttpHeaders newHeaders() {
        return HeadersMultiMap.httpHeaders();
    }

    /** {@link #newHeaders()} as the MultiMap the gateway's rules fill (the same object). */
    public static MultiMap newMultiMap() {
        return HeadersMultiMap.httpHeaders();
    }

    /** The MultiMap view of a message's headers (HTTP/2 streams' converted messages come with Netty's own). */
    public static MultiMap multiMap(HttpHeaders headers) {
        return headers instanceof MultiMap multiMap ? multiMap : new HeadersAdaptor(headers);
    }

    /**
     * The peer's address as the socket has it, or null when Vert.x's address does not carry one: its public
     * {@code hostAddress()} formats the address into a new string on every call.
     */
    public static InetAddress ipAddress(SocketAddress peer) {
        return peer instanceof SocketAddressImpl socket ? socket.ipAddress() : null;
    }

    public static EventLoopGroup acceptorEventLoopGroup(Vertx vertx) {
        return ((VertxInternal) vertx).getAcceptorEventLoopGroup();
    }

    public static EventLoopGroup eventLoopGroup(Vertx vertx) {
        return ((VertxInternal) vertx).getEventLoopGroup();
    }

    /** Server channels of Vert.x's transport (epoll, io_uring or NIO, as Vert.x chose). */
    public static ChannelFactory<? extends ServerChannel> serverChannelFactory(Vertx vertx) {
        return ((VertxInternal) vertx).transport().serverChannelFactory(false);
    }

    /** Client channels of Vert.x's transport. */
    public static ChannelFactory<? extends Channel> channelFactory(Vertx vertx) {
        return ((VertxInternal) vertx).transport().channelFactory(false);
    }

    /** Vert.x's own resolver (its DNS settings and cache). */
    public static AddressResolverGroup<InetSocketAddress> addressResolverGroup(Vertx vertx) {
        return ((VertxInternal) vertx).nettyAddressResolverGroup();
    }

    /** A Vert.x context bound to {@code loop}, for the connections that loop serves. */
    public static LoopContext contextOf(Vertx vertx, EventLoop loop) {
        VertxInternal internal = (VertxInternal) vertx;
        return new LoopContext(internal.createEventLoopContext(
                loop, internal.getWorkerPool(), Thread.currentThread().getContextClassLoader()));
    }

    /** One event loop's Vert.x context (held as this type, so the hot path casts nothing). */
    public static final class LoopContext {

        private final ContextInternal context;

        private LoopContext(ContextInternal context) {
            this.context = context;
        }

        /** Runs {@code handler} with this context current (a reactive call it starts completes here). */
        public <E> void dispatch(E event, Handler<E> handler) {
            context.dispatch(event, handler);
        }

        /** Runs {@code step} on this context: at once when already on its event loop, else queued there. */
        public void run(Runnable step) {
            // The context alone is not enough: a blocking task of this context runs on a worker thread with it current.
            if (context.nettyEventLoop().inEventLoop()) {
                step.run();
            } else {
                context.runOnContext(ignored -> step.run());
            }
        }

        public EventLoop eventLoop() {
            return context.nettyEventLoop();
        }
    }
}
