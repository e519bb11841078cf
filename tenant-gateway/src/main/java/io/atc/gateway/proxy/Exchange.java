package io.atc.gateway.proxy;

import java.util.ArrayDeque;

import io.atc.core.errors.Problem;
import io.atc.core.errors.ProblemType;
import io.atc.gateway.metrics.GatewayMetrics;
import io.atc.gateway.routing.Route;
import io.atc.gateway.vertx.VertxInternals;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.SocketAddress;

/**
 * One request through the gateway, on the client connection's event loop: what the rules decided
 * about it ({@link Decision}) carried out, in the states of {@link ExchangeState}. The request body
 * is held (bounded) while the rules decide, then streamed; the response streams back with
 * backpressure both ways. Ends exactly once, in the metrics, whether it is answered, forwarded, or
 * cut off by either side.
 */
final class Exchange implements PendingRequest {

    /** Bodies up to this size are read and discarded after an early answer; larger ones cost the connection. */
    private static final long DRAINABLE = 64 * 1024;
    /** Body bytes held while the pipeline decides (a cold key verification); past this, the client is not read. */
    private static final int HOLD_LIMIT = 64 * 1024;

    private final ClientConnection connection;
    private final ChannelHandlerContext client;
    private final HttpRequest request;
    private final MultiMap headers;
    private final HttpMethod method;
    private final long started;
    private final Services services;
    private final boolean keepAlive;
    private final boolean expectsContinue;
    private CharSequence requestId;
    private ExchangeState state = ExchangeState.DECIDING;
    /** Null until the rules decide. */
    private Decision decision;

    private boolean requestEnded;
    private long received;
    private ArrayDeque<HttpContent> held;
    private int heldBytes;

    private Upstreams.Upstream target;
    private Channel upstream;
    private boolean pooledConnection;
    private boolean retried;
    private boolean upstreamAnswered;
    private boolean upstreamReusable;
    /** The request went as one message that declares no body: what the client still sends of it is dropped. */
    private boolean bodylessSent;

    private HttpResponse heldHead;

    private boolean closeAfter;
    private int status;

    /** What every exchange needs from the gateway. */
    record Services(
            GatewayMetrics metrics,
            ProblemWriter problems,
            Forwarder forwarder,
            Upstreams upstreams,
            long maxBody,
            long responseTimeoutNanos) {}

    private Exchange(ClientConnection connection, HttpRequest request, Services services) {
        this.connection = connection;
        this.client = connection.ctx();
        this.request = request;
        this.headers = VertxInternals.multiMap(request.headers());
        this.method = HttpMethod.valueOf(request.method().name());
        this.started = System.nanoTime();
        this.services = services;
        this.keepAlive = HttpUtil.isKeepAlive(request);
        this.expectsContinue = HttpUtil.is100ContinueExpected(request);
    }

    static Exchange start(ClientConnection connection, HttpRequest request, Services services) {
        return new Exchange(connection, request, services);
    }

    /**
     * Answers 400 (or 414, 431) and ends the connection when the request could not be decoded or its
     * header fields are not acceptable ({@link HeaderFields}); its rules never see it and nothing of
     * it, or of what follows on the connection, is forwarded. Call once the exchange is its
     * connection's current one.
     * @return whether the request was refused
     */
    boolean refusedAsMalformed() {
        DecoderResult decoded = request.decoderResult();
        String refusal = decoded.isFailure()
                ? null
                : !HeaderFields.token(request.method().name())
                        ? "The request method is not a token (RFC 9110 9.1)."
                        : HeaderFields.refusal(
                                request.headers(), !http2() && request.protocolVersion() == HttpVersion.HTTP_1_1);
        if (decoded.isSuccess() && refusal == null) {
            requestId = RequestIds.acceptOrCreate(headers.get(RequestIds.HEADER));
            return false;
        }
        requestId = RequestIds.create();
        refuseUndecodable(
                decoded.isFailure() ? decoded.cause() : new StrictRequestDecoder.MalformedFieldsException(refusal));
        return true;
    }

    private void refuseUndecodable(Throwable cause) {
        closeAfter = true;
        requestEnded = true;
        if (cause instanceof StrictRequestDecoder.MalformedFieldsException malformed) {
            problem(ProblemType.MALFORMED_REQUEST, malformed.getMessage());
        } else if (cause instanceof TooLongHttpLineException) {
            problem(ProblemType.URI_TOO_LONG, "The request line is too long.");
        } else if (cause instanceof TooLongHttpHeaderException || cause instanceof TooLongFrameException) {
            problem(ProblemType.HEADERS_TOO_LARGE, "The request headers are too large.");
        } else {
            problem(ProblemType.MALFORMED_REQUEST, "The request is not valid HTTP/1.1.");
        }
    }

    /** Moves to {@code next}, or fails loudly: any other transition is a bug. */
    private void become(ExchangeState next) {
        if (!state.mayBecome(next)) {
            throw new IllegalStateException("an exchange " + state + " cannot become " + next);
        }
        state = next;
    }

    ExchangeState state() {
        return state;
    }

    // --- what the rules read and decide -----------------------------------------------------------

    @Override
    public HttpMethod method() {
        return method;
    }

    @Override
    public String rawPath() {
        String uri = request.uri();
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }

    /** The query string as sent, or null. */
    String query() {
        String uri = request.uri();
        int query = uri.indexOf('?');
        return query < 0 ? null : uri.substring(query + 1);
    }

    @Override
    public MultiMap headers() {
        return headers;
    }

    @Override
    public String header(CharSequence name) {
        return headers.get(name);
    }

    @Override
    public SocketAddress peer() {
        return connection.peer();
    }

    @Override
    public long bodyLimit() {
        return services.maxBody();
    }

    EventLoop eventLoop() {
        return client.channel().eventLoop();
    }

    @Override
    public void resume(Runnable step) {
        connection.context().run(step);
    }

    @Override
    public void decide(Decision decided) {
        if (!open() || state.answerStarted()) {
            abort();
            return;
        }
        decision = decided;
        Decision.Answer answer = decided.answer();
        if (answer == null) {
            services.forwarder().forward(this);
        } else if (answer.failure() != null) {
            answer(500, services.problems().internal(answer.failure(), path()), null);
        } else if (answer.problem() != null) {
            answer(
                    answer.problem().status(),
                    services.problems().body(answer.problem(), answer.detail(), path()),
                    answer.headers());
        } else if (answer.content() != null) {
            served(answer.content(), answer.headers());
        } else {
            answer(204, null, answer.headers());
        }
    }

    /** What the rules decided; null until then (and for a request refused as malformed). */
    Decision decision() {
        return decision;
    }

    CharSequence requestId() {
        return requestId;
    }

    Route route() {
        return decision == null ? null : decision.route();
    }

    String path() {
        return decision == null ? null : decision.path();
    }

    /** The Content-Length the client declared, or -1 (also when the rules did not look at it). */
    long declaredLength() {
        return decision == null ? -1 : decision.declaredLength();
    }

    /** The client address as X-Forwarded-For carries it. */
    CharSequence clientText() {
        return connection.textOf(decision.client());
    }

    HttpRequest request() {
        return request;
    }

    boolean http2() {
        return connection.stream();
    }

    @Override
    public boolean open() {
        return !state.ended() && client.channel().isActive();
    }

    boolean requestEnded() {
        return requestEnded;
    }

    // --- answers the gateway gives itself ---------------------------------------------------------

    /** Answers with a problem unless an answer has started (then the exchange is cut off). */
    void problem(ProblemType type, String detail) {
        if (!open() || state.answerStarted()) {
            abort();
            return;
        }
        answer(type.status(), services.problems().body(type, detail, path()), null);
    }

    /** Answers 500 with an incident id (the failure is logged, not shown). */
    void internalError(Throwable failure) {
        if (!open() || state.answerStarted()) {
            abort();
            return;
        }
        answer(500, services.problems().internal(failure, path()), null);
    }

    private void answer(int code, Buffer problem, MultiMap extraHeaders) {
        ByteBuf body = problem == null ? null : problem.getByteBuf();
        HttpHeaders headers = nettyHeaders(extraHeaders);
        if (problem != null) {
            headers.set(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE);
            headers.set(HttpHeaderNames.CACHE_CONTROL, "no-store");
            headers.set(HttpHeaderNames.CONTENT_LENGTH, problem.length());
        }
        respond(code, body, headers);
    }

    /** Content the gateway serves itself; its caching headers come with the decision. */
    private void served(Decision.Content content, MultiMap extraHeaders) {
        HttpHeaders headers = nettyHeaders(extraHeaders);
        ByteBuf body = null;
        if (content.status() == 200) {
            body = Unpooled.wrappedBuffer(content.body());
            headers.set(HttpHeaderNames.CONTENT_TYPE, content.contentType());
            headers.set(HttpHeaderNames.CONTENT_LENGTH, content.body().length);
        }
        respond(content.status(), body, headers);
    }

    private void respond(int code, ByteBuf content, HttpHeaders headers) {
        detachUpstream(true);
        releaseHeld();
        if (!requestEnded) {
            long declaredLength = declaredLength();
            long remaining = declaredLength < 0 ? -1 : declaredLength - received;
            boolean bodyless = declaredLength < 0 && !HttpUtil.isTransferEncodingChunked(request);
            if (expectsContinue || !bodyless && (remaining < 0 || remaining > DRAINABLE)) {
                closeAfter = true;
            }
        }
        ByteBuf body = content == null || method == HttpMethod.HEAD ? Unpooled.EMPTY_BUFFER : content;
        FullHttpResponse response = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(code), body, headers, VertxInternals.newHeaders());
        HttpHeaders out = response.headers();
        out.set(RequestIds.HEADER, requestId);
        if (decision != null && decision.varyOnOrigin()) {
            out.set(HttpHeaderNames.VARY, "Origin");
        }
        connectionHeader(out);
        status = code;
        finish(code);
        become(ExchangeState.ANSWERED);
        client.writeAndFlush(response, client.voidPromise());
        maybeDone();
    }

    /** The rules' headers are the response's own (they are made as both maps); others are copied. */
    private static HttpHeaders nettyHeaders(MultiMap headers) {
        if (headers == null) {
            return VertxInternals.newHeaders();
        }
        if (headers instanceof HttpHeaders both) {
            return both;
        }
        HttpHeaders copy = VertxInternals.newHeaders();
        headers.forEach(header -> copy.add(header.getKey(), header.getValue()));
        return copy;
    }

    // --- forwarding -------------------------------------------------------------------------------

    /** Sends the (already rewritten) request head and its body to {@code to} over {@code connecting}. */
    void forwardTo(Upstreams.Upstream to, ChannelFuture connecting) {
        become(ExchangeState.CONNECTING);
        target = to;
        pooledConnection = connecting.isDone();
        upstream = connecting.channel();
        ((UpstreamConnection) upstream.pipeline().last()).serve(this);
        if (connecting.isDone()) {
            connected(connecting);
        } else {
            connecting.addListener((ChannelFutureListener) this::connected);
        }
    }

    private void connected(ChannelFuture connecting) {
        if (connecting.channel() != upstream) {
            connecting.channel().close();
            return;
        }
        if (!connecting.isSuccess()) {
            upstreamClosed(connecting.cause());
            return;
        }
        if (!open()) {
            detachUpstream(true);
            return;
        }
        become(ExchangeState.FORWARDING);
        if (expectsContinue && !requestEnded) {
            client.writeAndFlush(
                    new DefaultFullHttpResponse(
                            HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE, Unpooled.EMPTY_BUFFER),
                    client.voidPromise());
        }
        if (bodyless()) {
            // One message for the encoder instead of a head and an empty last piece; that piece, if still to come, is
            // dropped.
            bodylessSent = true;
            releaseHeld();
            upstream.write(
                    new DefaultFullHttpRequest(
                            request.protocolVersion(),
                            request.method(),
                            request.uri(),
                            Unpooled.EMPTY_BUFFER,
                            request.headers(),
                            EmptyHttpHeaders.INSTANCE),
                    upstream.voidPromise());
        } else {
            upstream.write(request, upstream.voidPromise());
            if (held != null) {
                HttpContent content;
                while ((content = held.poll()) != null) {
                    upstream.write(content, upstream.voidPromise());
                }
                heldBytes = 0;
            }
            if (retried && requestEnded) {
                upstream.write(LastHttpContent.EMPTY_LAST_CONTENT, upstream.voidPromise());
            }
        }
        if (!connection.flushLater(this)) {
            upstream.flush();
        }
        ((UpstreamConnection) upstream.pipeline().last()).watch(services.responseTimeoutNanos());
        if (!client.channel().config().isAutoRead() && upstream.isWritable()) {
            client.channel().config().setAutoRead(true);
        }
    }

    /** A plain HTTP/1.1 request head that declares no body (its decoder's last piece is empty). */
    private boolean bodyless() {
        return !(request instanceof HttpContent)
                && !http2()
                && declaredLength() <= 0
                && !HttpUtil.isTransferEncodingChunked(request);
    }

    /** Whether request body pieces go straight to the upstream (it is connected and still reading the request). */
    private boolean streamingRequest() {
        return upstream != null && (state == ExchangeState.FORWARDING || state == ExchangeState.RESPONDING);
    }

    /** A piece of the request body from the client. */
    void requestContent(HttpContent content) {
        boolean last = content instanceof LastHttpContent;
        if (last) {
            requestEnded = true;
        }
        if (content.decoderResult().isFailure() && !state.ended()) {
            // A chunk size or a trailer that cannot be read: the body's end is in doubt, so is the connection.
            content.release();
            requestEnded = true;
            closeAfter = true;
            problem(
                    ProblemType.MALFORMED_REQUEST,
                    "The request body's chunked framing or trailer fields are not valid.");
            return;
        }
        if (last && !((LastHttpContent) content).trailingHeaders().isEmpty()) {
            content = withoutTrailers((LastHttpContent) content);
        }
        if (bodylessSent || state.ended()) {
            content.release();
            if (last) {
                maybeDone();
            }
            return;
        }
        int size = content.content().readableBytes();
        received += size;
        if (received > services.maxBody()) {
            content.release();
            problem(
                    ProblemType.PAYLOAD_TOO_LARGE,
                    "The request body exceeds the limit of " + services.maxBody() + " bytes.");
            return;
        }
        if (streamingRequest()) {
            upstream.write(content, upstream.voidPromise());
            if (!connection.flushLater(this)) {
                upstream.flush();
            }
            if (!last && !upstream.isWritable()) {
                client.channel().config().setAutoRead(false);
            }
            return;
        }
        if (held == null) {
            held = new ArrayDeque<>(4);
        }
        held.add(content);
        heldBytes += size;
        if (heldBytes > HOLD_LIMIT) {
            client.channel().config().setAutoRead(false);
        }
    }

    /** The client's trailer fields are never forwarded (a service would read them as fields the gateway never checked). */
    private static LastHttpContent withoutTrailers(LastHttpContent last) {
        ByteBuf rest = last.content();
        if (rest.isReadable()) {
            return new DefaultLastHttpContent(rest);
        }
        last.release();
        return LastHttpContent.EMPTY_LAST_CONTENT;
    }

    /** Sends what was written to the upstream during the client's read burst. */
    void flushUpstream() {
        if (upstream != null) {
            upstream.flush();
        }
    }

    /** The upstream sent something: the request reached it, so it is never sent again (even if what came back is unreadable). */
    void upstreamAnswering() {
        upstreamAnswered = true;
    }

    /** What the upstream sends back (its final response; interim ones are not passed on): the head, then its body. */
    void upstreamMessage(Object msg) {
        if (state.ended()) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpResponse response) {
            upstreamReusable = ((UpstreamConnection) upstream.pipeline().last()).reusable();
            status = response.status().code();
            Forwarder.rewriteResponseHead(this, response);
            if (!requestEnded) {
                closeAfter = true;
            }
            connectionHeader(response.headers());
            become(ExchangeState.RESPONDING);
            if (!(msg instanceof HttpContent)) {
                // Written with the first body piece, which is often the whole body: one message, one buffer.
                heldHead = response;
                return;
            }
        }
        if (msg instanceof LastHttpContent last) {
            finish(status);
            become(ExchangeState.ANSWERED);
            HttpResponse head = heldHead;
            if (head != null) {
                heldHead = null;
                client.writeAndFlush(
                        new DefaultFullHttpResponse(
                                head.protocolVersion(),
                                head.status(),
                                last.content(),
                                head.headers(),
                                last.trailingHeaders()),
                        client.voidPromise());
            } else {
                client.writeAndFlush(msg, client.voidPromise());
            }
            detachUpstream(!requestEnded || !upstreamReusable);
            maybeDone();
        } else if (msg instanceof HttpContent) {
            writeHeldHead();
            client.writeAndFlush(msg, client.voidPromise());
            if (!client.channel().isWritable()) {
                upstream.config().setAutoRead(false);
            }
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    /** The upstream's read burst ended: a response head still waiting for its body goes out now. */
    void upstreamReadComplete() {
        if (heldHead != null) {
            writeHeldHead();
            client.flush();
        }
    }

    private void writeHeldHead() {
        HttpResponse head = heldHead;
        if (head != null) {
            heldHead = null;
            client.write(head, client.voidPromise());
        }
    }

    void upstreamWritabilityChanged(boolean writable) {
        if (writable && !state.ended() && !requestEnded) {
            client.channel().config().setAutoRead(true);
        }
    }

    void clientWritabilityChanged(boolean writable) {
        if (writable && upstream != null) {
            upstream.config().setAutoRead(true);
        }
    }

    /** The upstream connection failed or closed before its answer ended. */
    void upstreamClosed(Throwable cause) {
        Channel lost = upstream;
        upstream = null;
        if (lost != null) {
            ((UpstreamConnection) lost.pipeline().last()).serve(null);
            lost.close();
        }
        if (state.ended()) {
            return;
        }
        if (replayable(cause)) {
            // A pooled connection the upstream had just closed: the request never reached it, so it goes again, once,
            // on a new one.
            retried = true;
            forwardTo(
                    target,
                    services.upstreams().connect(target, client.channel().eventLoop()));
            return;
        }
        if (!state.answerStarted() && open()) {
            ProblemType type = UpstreamFailures.classify(cause);
            problem(type, UpstreamFailures.detail(type, cause));
        } else {
            abort();
        }
    }

    private boolean replayable(Throwable cause) {
        return pooledConnection
                && !retried
                && !upstreamAnswered
                && open()
                && requestEnded
                && received == 0
                && !(cause instanceof java.util.concurrent.TimeoutException)
                && (method == HttpMethod.GET
                        || method == HttpMethod.HEAD
                        || method == HttpMethod.OPTIONS
                        || method == HttpMethod.PUT
                        || method == HttpMethod.DELETE);
    }

    /** The client left: its upstream exchange goes too. */
    void clientClosed() {
        releaseHeld();
        detachUpstream(true);
        finish(GatewayMetrics.RESET);
        become(ExchangeState.CLIENT_GONE);
    }

    /** Gives up on an exchange whose answer cannot be completed: both connections are cut, the client sees a truncated response. */
    void abort() {
        if (state == ExchangeState.DONE) {
            return;
        }
        releaseHeld();
        detachUpstream(true);
        finish(GatewayMetrics.RESET);
        become(ExchangeState.DONE);
        client.close();
        connection.exchangeDone(this, true);
    }

    // --- endings ----------------------------------------------------------------------------------

    private void connectionHeader(HttpHeaders out) {
        if (connection.stream()) {
            return;
        }
        if (!keepAlive) {
            closeAfter = true;
        }
        if (closeAfter) {
            out.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (request.protocolVersion() == HttpVersion.HTTP_1_0) {
            out.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
    }

    /** Leaves the upstream connection: back to the pool when its exchange is complete, otherwise closed. */
    private void detachUpstream(boolean close) {
        Channel channel = upstream;
        upstream = null;
        if (channel == null) {
            return;
        }
        ((UpstreamConnection) channel.pipeline().last()).serve(null);
        if (!channel.config().isAutoRead()) {
            channel.config().setAutoRead(true);
        }
        if (close) {
            channel.close();
        } else {
            services.upstreams().release(target, channel);
        }
    }

    private void releaseHeld() {
        if (held != null) {
            HttpContent content;
            while ((content = held.poll()) != null) {
                content.release();
            }
            heldBytes = 0;
        }
    }

    private void maybeDone() {
        if (state != ExchangeState.ANSWERED || !requestEnded && !closeAfter) {
            return;
        }
        become(ExchangeState.DONE);
        if (!client.channel().config().isAutoRead()) {
            client.channel().config().setAutoRead(true);
        }
        connection.exchangeDone(this, closeAfter);
    }

    /** Counts the exchange in the metrics, once, just before its first ending (answered, cut off, left): that one says how it ended. */
    private void finish(int code) {
        if (!state.ended()) {
            services.metrics().request(route(), method, code, System.nanoTime() - started);
        }
    }
}
