package io.atc.gateway.proxy;

import java.util.Map;

import jakarta.inject.Singleton;

import io.atc.core.errors.ProblemType;
import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;

/**
 * Streams an admitted request to its upstream and the answer back, with backpressure both ways and
 * nothing buffered beyond Vert.x's write queues. Headers are rebuilt rather than passed: hop-by-hop
 * headers (and those named by Connection) never cross, the caller's credentials and forwarding
 * headers are replaced by the gateway's, and the upstream's CORS headers are dropped (the gateway
 * alone decides CORS).
 */
@Singleton
public class Forwarder {

    static final HeaderNameSet HOP_BY_HOP = new HeaderNameSet("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");

    /** Request headers the gateway never passes on as sent (some are replaced by its own). */
    private static final HeaderNameSet NOT_FORWARDED = new HeaderNameSet("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade",
            "host", "content-length", "expect", "authorization", "x-api-key", "x-operator-token", "cookie",
            "forwarded", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "x-forwarded-port", "x-real-ip",
            "x-request-id");

    /** Response headers the gateway never passes back as received. */
    private static final HeaderNameSet NOT_RETURNED = new HeaderNameSet("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade",
            "content-length", "vary", "x-request-id");

    private static final String ACCESS_CONTROL = "access-control-";
    /**
     * Bodies up to this size with a declared length are passed on in one write (head and body in one
     * flush, one syscall instead of two); larger or unbounded ones stream.
     */
    private static final long SMALL_BODY = 16 * 1024;
    private static final Handler<Throwable> REPORTED_ELSEWHERE = failure -> {
    };

    private final Upstreams upstreams;
    private final long maxBody;
    private final long connectTimeoutMillis;
    private final long responseTimeoutMillis;

    public Forwarder(Upstreams upstreams, ProxyConfig config) {
        this.upstreams = upstreams;
        this.maxBody = config.maxRequestBody().asLongValue();
        this.connectTimeoutMillis = config.upstreamConnectTimeout().toMillis();
        this.responseTimeoutMillis = config.upstreamResponseTimeout().toMillis();
    }

    /** The request body limit in bytes. */
    public long maxBody() {
        return maxBody;
    }

    public void forward(Exchange exchange) {
        HttpServerRequest request = exchange.request();
        Upstreams.Upstream upstream = upstreams.of(exchange.route());
        String query = request.query();
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setURI(query == null ? exchange.path() : exchange.path() + '?' + query)
                .setHeaders(upstreamHeaders(exchange))
                .setConnectTimeout(connectTimeoutMillis)
                .setIdleTimeout(responseTimeoutMillis);
        upstreams.client(upstream).request(options).onComplete(connected -> {
            if (connected.failed()) {
                failed(exchange, connected.cause());
                return;
            }
            try {
                new Streaming(exchange, connected.result()).start();
            } catch (RuntimeException e) {
                exchange.internalError(e);
            }
        });
    }

    private static MultiMap upstreamHeaders(Exchange exchange) {
        HttpServerRequest request = exchange.request();
        MultiMap inbound = request.headers();
        String connection = inbound.get(HttpHeaders.CONNECTION);
        MultiMap headers = HttpHeaders.headers();
        for (Map.Entry<String, String> header : inbound) {
            String name = header.getKey();
            if (!NOT_FORWARDED.contains(name) && (connection == null || !HeaderNameSet.namedIn(connection, name))) {
                headers.add(name, header.getValue());
            }
        }
        if (exchange.forwardsOperatorCredential()) {
            headers.set("X-Operator-Token", inbound.get("X-Operator-Token"));
        }
        if (exchange.forwardsCookies()) {
            for (String cookie : inbound.getAll(HttpHeaders.COOKIE)) {
                headers.add(HttpHeaders.COOKIE, cookie);
            }
        }
        if (exchange.declaredLength() >= 0) {
            headers.set(HttpHeaders.CONTENT_LENGTH, inbound.get(HttpHeaders.CONTENT_LENGTH));
        }
        headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + exchange.bearer());
        headers.set("X-Forwarded-For", exchange.client().getHostAddress());
        headers.set("X-Forwarded-Proto", request.scheme());
        headers.set("X-Request-Id", exchange.requestId());
        return headers;
    }

    private static void failed(Exchange exchange, Throwable failure) {
        ProblemType type = UpstreamFailures.classify(failure);
        exchange.problem(type, UpstreamFailures.detail(type));
    }

    /** One exchange's two streams: the request body up, the response down. */
    private final class Streaming {

        private final Exchange exchange;
        private final HttpServerRequest request;
        private final HttpServerResponse response;
        private final HttpClientRequest upstream;
        private long received;
        private Buffer heldRequest;
        private Buffer heldResponse;

        Streaming(Exchange exchange, HttpClientRequest upstream) {
            this.exchange = exchange;
            this.request = exchange.request();
            this.response = exchange.response();
            this.upstream = upstream;
        }

        void start() {
            exchange.upstream(upstream);
            if (!exchange.open()) {
                upstream.reset();
                return;
            }
            upstream.exceptionHandler(REPORTED_ELSEWHERE);
            upstream.response().onComplete(this::responded);
            upstream.drainHandler(drained -> request.resume());
            if (request.version() != HttpVersion.HTTP_1_0 && "100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
                response.writeContinue();
            }
            long declared = exchange.declaredLength();
            if (declared >= 0 && declared <= SMALL_BODY) {
                request.handler(chunk -> heldRequest = heldRequest == null ? chunk : heldRequest.appendBuffer(chunk));
                request.endHandler(ended -> {
                    if (exchange.open()) {
                        if (heldRequest == null) {
                            upstream.end();
                        } else {
                            upstream.end(heldRequest);
                        }
                    }
                });
            } else {
                request.handler(this::requestChunk);
                request.endHandler(ended -> {
                    if (exchange.open()) {
                        upstream.end();
                    }
                });
            }
            request.exceptionHandler(failure -> exchange.abort());
            request.resume();
        }

        private void requestChunk(Buffer chunk) {
            if (!exchange.open()) {
                return;
            }
            received += chunk.length();
            if (received > maxBody) {
                exchange.problem(ProblemType.PAYLOAD_TOO_LARGE, "The request body exceeds the limit of " + maxBody + " bytes.");
                return;
            }
            if (exchange.declaredLength() < 0 && !upstream.isChunked()) {
                upstream.setChunked(true);
            }
            upstream.write(chunk);
            if (upstream.writeQueueFull()) {
                request.pause();
            }
        }

        private void responded(AsyncResult<HttpClientResponse> result) {
            if (result.failed()) {
                failed(exchange, result.cause());
                return;
            }
            try {
                stream(result.result());
            } catch (RuntimeException e) {
                exchange.internalError(e);
            }
        }

        private void stream(HttpClientResponse answer) {
            if (!exchange.open()) {
                upstream.reset();
                return;
            }
            long length = copyHead(answer);
            answer.exceptionHandler(failure -> exchange.abort());
            if (length >= 0 && length <= SMALL_BODY) {
                answer.handler(chunk -> heldResponse = heldResponse == null ? chunk : heldResponse.appendBuffer(chunk));
                answer.endHandler(ended -> answered(heldResponse));
                return;
            }
            answer.handler(chunk -> {
                response.write(chunk);
                if (response.writeQueueFull()) {
                    answer.pause();
                }
            });
            response.drainHandler(drained -> answer.resume());
            answer.endHandler(ended -> answered(null));
        }

        private void answered(Buffer rest) {
            if (rest == null) {
                response.end();
            } else {
                response.end(rest);
            }
            if (!request.isEnded()) {
                upstream.reset();
            }
        }

        /** @return the upstream's Content-Length, or -1 */
        private long copyHead(HttpClientResponse answer) {
            int status = answer.statusCode();
            response.setStatusCode(status);
            MultiMap out = response.headers();
            MultiMap in = answer.headers();
            String connection = in.get(HttpHeaders.CONNECTION);
            for (Map.Entry<String, String> header : in) {
                String name = header.getKey();
                if (!NOT_RETURNED.contains(name) && !name.regionMatches(true, 0, ACCESS_CONTROL, 0, ACCESS_CONTROL.length())
                        && (connection == null || !HeaderNameSet.namedIn(connection, name))) {
                    out.add(name, header.getValue());
                }
            }
            if (exchange.responseDependsOnOrigin()) {
                out.set(HttpHeaders.VARY, in.contains(HttpHeaders.VARY) ? VaryHeaders.withOrigin(in.getAll(HttpHeaders.VARY)) : "Origin");
                exchange.addAllowedOriginHeaders(out);
            } else if (in.contains(HttpHeaders.VARY)) {
                for (String vary : in.getAll(HttpHeaders.VARY)) {
                    out.add(HttpHeaders.VARY, vary);
                }
            }
            out.set("X-Request-Id", exchange.requestId());
            if (!request.isEnded()) {
                exchange.closeConnectionAfterResponse();
            }
            String length = in.get(HttpHeaders.CONTENT_LENGTH);
            if (length != null) {
                out.set(HttpHeaders.CONTENT_LENGTH, length);
                return hasBody(request.method(), status) ? parseLength(length) : 0;
            }
            if (hasBody(request.method(), status)) {
                response.setChunked(true);
                return -1;
            }
            return 0;
        }
    }

    private static long parseLength(String header) {
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean hasBody(HttpMethod method, int status) {
        return method != HttpMethod.HEAD && status >= 200 && status != 204 && status != 304;
    }
}
