package io.atc.bench.gateway;

import java.util.ArrayDeque;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.FastThreadLocal;

/**
 * REFERENCE ONLY, for the gateway benchmark: the smallest streaming HTTP/1.1 reverse proxy on
 * plain Netty (its HTTP codec, no Vert.x, no checks), with a keep-alive upstream pool per event
 * loop. It measures what the JVM and Netty's codec cost per proxied request, below Vert.x's HTTP
 * server and client.
 *
 * <pre>
 * java -cp 'bench/target/bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*' io.atc.bench.gateway.BareNettyProxy 18093 127.0.0.1 18090
 * </pre>
 */
public final class BareNettyProxy {

    private static final FastThreadLocal<ArrayDeque<Channel>> IDLE = new FastThreadLocal<>() {
        @Override
        protected ArrayDeque<Channel> initialValue() {
            return new ArrayDeque<>();
        }
    };

    private final String upstreamHost;
    private final int upstreamPort;
    private final boolean epoll = Epoll.isAvailable();

    private BareNettyProxy(String upstreamHost, int upstreamPort) {
        this.upstreamHost = upstreamHost;
        this.upstreamPort = upstreamPort;
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        BareNettyProxy proxy = new BareNettyProxy(args[1], Integer.parseInt(args[2]));
        int loops = Runtime.getRuntime().availableProcessors();
        EventLoopGroup group = proxy.epoll ? new EpollEventLoopGroup(loops) : new NioEventLoopGroup(loops);
        new ServerBootstrap()
                .group(group)
                .channel(proxy.epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), proxy.new Frontend());
                    }
                })
                .bind("127.0.0.1", port)
                .sync();
        System.out.println("bare Netty proxy on :" + port + " -> " + args[1] + ":" + args[2] + ", " + loops
                + " event loop(s), epoll " + proxy.epoll);
    }

    private static void stripHopByHop(HttpHeaders headers) {
        headers.remove(HttpHeaderNames.CONNECTION)
                .remove(HttpHeaderNames.KEEP_ALIVE)
                .remove(HttpHeaderNames.TE)
                .remove(HttpHeaderNames.TRAILER)
                .remove(HttpHeaderNames.UPGRADE)
                .remove(HttpHeaderNames.PROXY_AUTHENTICATE)
                .remove(HttpHeaderNames.PROXY_AUTHORIZATION);
    }

    /** One client connection: one request in flight upstream at a time, pipelined ones wait in order. */
    private final class Frontend extends ChannelInboundHandlerAdapter {
        private final ArrayDeque<Object> waiting = new ArrayDeque<>();
        private final ArrayDeque<Object> connecting = new ArrayDeque<>();
        private ChannelHandlerContext client;
        private Channel upstream;
        private boolean requestDone;
        private boolean inFlight;

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            client = ctx;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (inFlight && requestDone) {
                waiting.add(msg);
                return;
            }
            forward(msg);
        }

        private void forward(Object msg) {
            if (msg instanceof HttpRequest request) {
                inFlight = true;
                requestDone = false;
                stripHopByHop(request.headers());
                request.headers().set(HttpHeaderNames.HOST, upstreamHost + ":" + upstreamPort);
                ChannelFuture ready = acquire(client.channel().eventLoop());
                upstream = ready.channel();
                ((Backend) upstream.pipeline().last()).serve(this);
                if (!ready.isDone()) {
                    connecting.add(msg);
                    ready.addListener((ChannelFutureListener) f -> connected(f.isSuccess()));
                    return;
                }
            }
            if (upstream == null) {
                ReferenceCountUtil.release(msg);
                return;
            }
            if (!connecting.isEmpty()) {
                connecting.add(msg);
                if (msg instanceof LastHttpContent) {
                    requestDone = true;
                }
                return;
            }
            if (msg instanceof LastHttpContent) {
                requestDone = true;
                upstream.writeAndFlush(msg).addListener(closeClientOnFailure());
            } else {
                upstream.write(msg);
            }
        }

        private void connected(boolean success) {
            if (!success) {
                connecting.forEach(ReferenceCountUtil::release);
                connecting.clear();
                client.close();
                return;
            }
            Object msg;
            while ((msg = connecting.poll()) != null) {
                upstream.write(msg);
            }
            upstream.flush();
        }

        void responsePart(Object msg) {
            if (msg instanceof HttpResponse response) {
                stripHopByHop(response.headers());
            }
            if (msg instanceof LastHttpContent) {
                client.writeAndFlush(msg);
                Channel done = upstream;
                upstream = null;
                inFlight = false;
                release(done);
                while (!inFlight && !waiting.isEmpty()) {
                    forward(waiting.poll());
                }
            } else {
                client.write(msg);
            }
        }

        void upstreamLost() {
            upstream = null;
            client.close();
        }

        private ChannelFutureListener closeClientOnFailure() {
            return future -> {
                if (!future.isSuccess()) {
                    client.close();
                }
            };
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            waiting.forEach(ReferenceCountUtil::release);
            waiting.clear();
            if (upstream != null) {
                upstream.close();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    private ChannelFuture acquire(EventLoop loop) {
        ArrayDeque<Channel> idle = IDLE.get();
        Channel channel;
        while ((channel = idle.poll()) != null) {
            if (channel.isActive()) {
                return channel.newSucceededFuture();
            }
        }
        ChannelFuture connect = new Bootstrap()
                .group(loop)
                .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpClientCodec(), new Backend());
                    }
                })
                .connect(upstreamHost, upstreamPort);
        return connect;
    }

    private static void release(Channel channel) {
        if (channel.isActive()) {
            ((Backend) channel.pipeline().last()).serve(null);
            IDLE.get().add(channel);
        }
    }

    /** One upstream connection: hands each response part to the client it currently serves. */
    private static final class Backend extends ChannelInboundHandlerAdapter {
        private Frontend frontend;

        void serve(Frontend frontend) {
            this.frontend = frontend;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (frontend == null) {
                ReferenceCountUtil.release(msg);
                ctx.close();
                return;
            }
            frontend.responsePart(msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (frontend != null) {
                frontend.upstreamLost();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
