package io.atc.gateway.proxy;

import java.net.InetAddress;

import io.atc.core.errors.Problem;
import io.atc.core.errors.ProblemType;
import io.atc.gateway.metrics.GatewayMetrics;
import io.atc.gateway.routing.Route;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;

/**
 * One request through the gateway: what the pipeline decided about it (route, credentials, client
 * address, origin) and the state of its proxying. Ends exactly once, in the metrics, whether it is
 * answered, forwarded, or cut off by either side.
 */
public final class Exchange {

    /** Bodies up to this size are read and discarded after an early answer; larger ones cost the connection. */
    private static final long DRAINABLE = 64 * 1024;

    private final HttpServerRequest request;
    private final HttpServerResponse response;
    private final Context context;
    private final long started;
    private final GatewayMetrics metrics;
    private final ProblemWriter problems;
    private final String requestId;

    private Route route;
    private String path;
    private long declaredLength = -1;
    private InetAddress client;
    private String bearer;
    private boolean operatorCredential;
    private boolean consoleSession;
    private boolean dependsOnOrigin;
    private String allowedOrigin;
    private AllowedOriginHeaders allowedOriginHeaders;
    private HttpClientRequest upstream;
    private boolean ended;

    public Exchange(HttpServerRequest request, Context context, GatewayMetrics metrics, ProblemWriter problems) {
        this.request = request;
        this.response = request.response();
        this.context = context;
        this.started = System.nanoTime();
        this.metrics = metrics;
        this.problems = problems;
        this.requestId = RequestIds.acceptOrCreate(request.getHeader("X-Request-Id"));
        response.endHandler(this::disposed);
        response.closeHandler(this::disposed);
    }

    /** Adds the CORS headers of an allowed actual request (the origin policy decides which). */
    @FunctionalInterface
    public interface AllowedOriginHeaders {
        void addTo(String origin, io.vertx.core.MultiMap headers);
    }

    public HttpServerRequest request() {
        return request;
    }

    public HttpServerResponse response() {
        return response;
    }

    public Context context() {
        return context;
    }

    public String requestId() {
        return requestId;
    }

    public Route route() {
        return route;
    }

    public String path() {
        return path;
    }

    public void routed(Route route, String normalisedPath) {
        this.route = route;
        this.path = normalisedPath;
    }

    /** The Content-Length the client declared, or -1. */
    public long declaredLength() {
        return declaredLength;
    }

    public void declaredLength(long length) {
        this.declaredLength = length;
    }

    public InetAddress client() {
        return client;
    }

    public void client(InetAddress client) {
        this.client = client;
    }

    /** Forward with a key's internal token. */
    public void authenticatedBy(String internalToken) {
        this.bearer = internalToken;
    }

    /** Forward with the gateway's own token and the operator credential (the upstream checks it). */
    public void operatorRequest(String gatewayToken) {
        this.bearer = gatewayToken;
        this.operatorCredential = true;
    }

    /** Forward with the gateway's own token and the browser's cookies (the upstream checks the session). */
    public void consoleSessionRequest(String gatewayToken) {
        this.bearer = gatewayToken;
        this.consoleSession = true;
    }

    /** The response depends on the Origin header: it carries {@code Vary: Origin}, and CORS headers when {@code allowed} is non-null. */
    public void dependsOnOrigin(String allowed, AllowedOriginHeaders headers) {
        this.dependsOnOrigin = true;
        this.allowedOrigin = allowed;
        this.allowedOriginHeaders = headers;
    }

    String bearer() {
        return bearer;
    }

    boolean forwardsOperatorCredential() {
        return operatorCredential;
    }

    boolean forwardsCookies() {
        return consoleSession;
    }

    boolean responseDependsOnOrigin() {
        return dependsOnOrigin;
    }

    void addAllowedOriginHeaders(io.vertx.core.MultiMap headers) {
        if (allowedOrigin != null) {
            allowedOriginHeaders.addTo(allowedOrigin, headers);
        }
    }

    void upstream(HttpClientRequest upstream) {
        this.upstream = upstream;
    }

    /** Whether the client is still there to answer (it may leave while a key is being verified). */
    public boolean open() {
        return !ended && !response.closed();
    }

    /** Answers with a problem (any extra headers already put on the response) unless an answer has started. */
    public void problem(ProblemType type, String detail) {
        if (!open() || response.headWritten()) {
            abort();
            return;
        }
        reply(type.status(), problems.body(type, detail, path));
    }

    /** Answers 500 with an incident id (the failure is logged, not shown). */
    public void internalError(Throwable failure) {
        if (!open() || response.headWritten()) {
            abort();
            return;
        }
        reply(500, problems.internal(failure, path));
    }


    private void reply(int status, Buffer body) {
        HttpClientRequest pending = detachUpstream();
        if (!request.isEnded()) {
            request.handler(null);
            if (declaredLength >= 0 && declaredLength <= DRAINABLE) {
                request.resume();
            } else {
                closeConnectionAfterResponse();
            }
        }
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader("X-Request-Id", requestId);
        if (dependsOnOrigin) {
            response.putHeader(HttpHeaders.VARY, "Origin");
        }
        response.end(body);
        if (pending != null) {
            pending.reset();
        }
    }

    /** HTTP/1.x only: an HTTP/2 stream ends on its own, and connection headers are not allowed there. */
    void closeConnectionAfterResponse() {
        if (request.version() != HttpVersion.HTTP_2) {
            response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
    }

    /** Gives up on an exchange whose answer cannot be completed: both connections are cut, the client sees a truncated response. */
    void abort() {
        if (!ended) {
            finish(GatewayMetrics.RESET);
            HttpClientRequest pending = detachUpstream();
            if (pending != null) {
                pending.reset();
            }
            response.reset();
        }
    }

    /**
     * The response is done with: ended by the gateway, or its connection closed first (Vert.x then
     * calls both the end and the close handler). A client that left takes its upstream request along.
     */
    private void disposed(Void ignored) {
        if (ended) {
            return;
        }
        if (response.ended()) {
            finish(response.getStatusCode());
            return;
        }
        finish(GatewayMetrics.RESET);
        HttpClientRequest pending = detachUpstream();
        if (pending != null) {
            pending.reset();
        }
    }

    /** Taken before resetting: a reset fails the upstream's response at once, which calls back into this exchange. */
    private HttpClientRequest detachUpstream() {
        HttpClientRequest pending = upstream;
        upstream = null;
        return pending;
    }

    private void finish(int status) {
        if (!ended) {
            ended = true;
            metrics.request(route, request.method(), status, System.nanoTime() - started);
        }
    }
}
