package io.atc.gateway.pipeline;

import java.time.Instant;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.atc.core.errors.ProblemType;
import io.atc.gateway.auth.AuthOutcome;
import io.atc.gateway.identity.AuthenticatedKey;
import io.atc.gateway.auth.KeyCheck;
import io.atc.gateway.identity.InternalTokenMinter;
import io.atc.gateway.metrics.GatewayMetrics;
import io.atc.gateway.pipeline.OriginPolicy.OriginVerdict;
import io.atc.gateway.proxy.Exchange;
import io.atc.gateway.ratelimit.KeylessRateLimiter;
import io.atc.gateway.ratelimit.RateDecision;
import io.atc.gateway.proxy.Forwarder;
import io.atc.gateway.proxy.ProblemWriter;
import io.atc.gateway.routing.RequestPaths;
import io.atc.gateway.routing.Route;
import io.atc.gateway.routing.RouteTable;
import io.vertx.core.Context;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;

/**
 * Every public request, in this order: path normalisation and routing, size limit, CORS preflight
 * (answered without a key), the presented key, its authentication, the client address against the
 * key's allowlist, the Origin against the key's origins, the key's rate limit, then forwarding with
 * the key's internal token. Each refusal is problem+json with a stable type and counted; the
 * gateway's own endpoints (/q/...) are left to Quarkus.
 */
@Singleton
public class GatewayPipeline {

    private static final Logger LOG = Logger.getLogger(GatewayPipeline.class);
    private static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    private static final String PREFLIGHT_DENIED = "This origin may not call the API from a browser.";
    private static final String REFUSED_PATH = "The request path is refused: it has dot or empty segments, encoded"
            + " slashes, backslashes, encoded percent signs, semicolons or control characters.";
    private static final String MISSING_KEY = "An API key is required: Authorization: Bearer <key> or X-Api-Key: <key>.";
    private static final String INVALID_KEY = "The API key is not valid.";

    private final RouteTable routes;
    private final Forwarder forwarder;
    private final PipelinePorts ports;
    private final KeylessRateLimiter keylessRateLimit;
    private final InternalTokenMinter tokens;
    private final GatewayMetrics metrics;
    private final ProblemWriter problems;
    private final Exchange.AllowedOriginHeaders allowedOriginHeaders;

    public GatewayPipeline(RouteTable routes, Forwarder forwarder, PipelinePorts ports, KeylessRateLimiter keylessRateLimit,
            InternalTokenMinter tokens, GatewayMetrics metrics, ProblemWriter problems) {
        this.routes = routes;
        this.forwarder = forwarder;
        this.ports = ports;
        this.keylessRateLimit = keylessRateLimit;
        this.tokens = tokens;
        this.metrics = metrics;
        this.problems = problems;
        this.allowedOriginHeaders = (origin, headers) -> ports.origins().addAllowedOriginHeaders(origin, headers);
    }

    /**
     * Takes a new request through the pipeline, on its connection's event loop and Vert.x context.
     * @return false when the request is not for a gateway route (the gateway's own endpoints), untouched
     */
    public boolean handle(Exchange exchange) {
        if (!routes.claims(exchange.rawPath())) {
            return false;
        }
        try {
            admit(exchange);
        } catch (RuntimeException e) {
            exchange.internalError(e);
        }
        return true;
    }

    private void admit(Exchange exchange) {
        String path = RequestPaths.normalise(exchange.rawPath());
        Route route = path == null ? null : routes.match(path);
        exchange.routed(route, path);
        if (path == null) {
            exchange.problem(ProblemType.MALFORMED_REQUEST, REFUSED_PATH);
            return;
        }
        if (route == null) {
            exchange.problem(ProblemType.NOT_FOUND, "No route for " + path + ".");
            return;
        }
        HttpMethod method = exchange.method();
        if (method == HttpMethod.CONNECT || method == HttpMethod.TRACE) {
            exchange.problem(ProblemType.METHOD_NOT_ALLOWED, method.name() + " is not forwarded.");
            return;
        }
        long declared = ContentLengths.parse(exchange.header(HttpHeaders.CONTENT_LENGTH));
        if (declared == ContentLengths.INVALID) {
            exchange.problem(ProblemType.MALFORMED_REQUEST, "Content-Length is not a number.");
            return;
        }
        exchange.declaredLength(declared);
        if (declared > forwarder.maxBody()) {
            exchange.problem(ProblemType.PAYLOAD_TOO_LARGE, "The request body exceeds the limit of " + forwarder.maxBody() + " bytes.");
            return;
        }
        if (preflight(exchange)) {
            if (ports.origins().decidePreflight(exchange.headers(), exchange.answerHeaders())) {
                exchange.noContent();
            } else {
                exchange.problem(ProblemType.FORBIDDEN, PREFLIGHT_DENIED);
            }
            return;
        }
        exchange.client(ports.addresses().resolve(exchange.peer(), exchange.headers()));
        if (KeylessRoutes.consoleSession(method, path)) {
            if (keylessAdmitted(exchange)) {
                exchange.consoleSessionRequest(tokens.gatewayAuthorization());
                forwarder.forward(exchange);
            }
            return;
        }
        KeyAuthentication keys = ports.keys();
        String presented = keys.presentedKey(exchange.headers());
        if (presented == null && KeylessRoutes.operator(method, path) && exchange.headers().contains(KeylessRoutes.OPERATOR_TOKEN)) {
            if (keylessAdmitted(exchange)) {
                exchange.operatorRequest(tokens.gatewayAuthorization());
                forwarder.forward(exchange);
            }
            return;
        }
        if (presented == null) {
            rejected(exchange, AuthOutcome.MISSING);
            return;
        }
        KeyCheck known = keys.known(presented);
        if (known != null) {
            authenticated(exchange, known);
            return;
        }
        keys.authenticate(presented).subscribe().with(
                check -> onRequestContext(exchange, () -> authenticated(exchange, check)),
                failure -> onRequestContext(exchange, () -> verificationFailed(exchange, failure)));
    }

    /** Keyless requests (sign-in, onboarding) are limited per client address instead of per key. */
    private boolean keylessAdmitted(Exchange exchange) {
        RateDecision decision = keylessRateLimit.tryAcquire(exchange.client());
        if (decision.allowed()) {
            return true;
        }
        exchange.answerHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
        rejected(exchange, AuthOutcome.RATE_LIMITED);
        return false;
    }

    private void authenticated(Exchange exchange, KeyCheck check) {
        if (!exchange.open()) {
            return;
        }
        if (!check.ok()) {
            rejected(exchange, check.outcome());
            return;
        }
        AuthenticatedKey key = check.key();
        if (key.expiresAt() != null && key.expiredAt(Instant.now())) {
            rejected(exchange, AuthOutcome.EXPIRED);
            return;
        }
        if (!ports.addresses().permits(key.allowedCidrs(), exchange.client())) {
            rejected(exchange, AuthOutcome.IP_DENIED);
            return;
        }
        String origin = exchange.header(HttpHeaders.ORIGIN);
        OriginVerdict verdict = ports.origins().check(origin, key.allowedOrigins());
        exchange.dependsOnOrigin(verdict == OriginVerdict.ALLOWED ? origin : null, allowedOriginHeaders);
        if (verdict == OriginVerdict.DENIED) {
            rejected(exchange, AuthOutcome.ORIGIN_DENIED);
            return;
        }
        RateDecision decision = ports.rateLimit().tryAcquire(key.keyId(), key.prefix());
        if (!decision.allowed()) {
            exchange.answerHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
            rejected(exchange, AuthOutcome.RATE_LIMITED);
            return;
        }
        metrics.auth(AuthOutcome.OK);
        exchange.authenticatedBy(tokens.authorizationFor(key));
        forwarder.forward(exchange);
    }

    private void rejected(Exchange exchange, AuthOutcome outcome) {
        metrics.auth(outcome);
        switch (outcome) {
            case MISSING -> {
                exchange.answerHeaders().set(WWW_AUTHENTICATE, "Bearer realm=\"atc\"");
                exchange.problem(ProblemType.UNAUTHENTICATED, MISSING_KEY);
            }
            case OVERLOADED -> {
                exchange.answerHeaders().set(HttpHeaders.RETRY_AFTER, "1");
                exchange.problem(ProblemType.UNAVAILABLE, "Key verification is busy or unreachable; retry shortly.");
            }
            case IP_DENIED -> exchange.problem(ProblemType.FORBIDDEN, "This key may not be used from this address.");
            case ORIGIN_DENIED -> exchange.problem(ProblemType.FORBIDDEN, "This key may not be used from this origin.");
            case RATE_LIMITED -> {
                if (!exchange.answerHeaders().contains(HttpHeaders.RETRY_AFTER)) {
                    exchange.answerHeaders().set(HttpHeaders.RETRY_AFTER, "1");
                }
                exchange.problem(ProblemType.RATE_LIMITED, "Too many requests with this key; retry after the time in Retry-After.");
            }
            default -> {
                exchange.answerHeaders().set(WWW_AUTHENTICATE, "Bearer realm=\"atc\", error=\"invalid_token\"");
                exchange.problem(ProblemType.UNAUTHENTICATED, INVALID_KEY);
            }
        }
    }

    private void verificationFailed(Exchange exchange, Throwable failure) {
        LOG.debugf("key verification failed: %s", failure.getClass().getName());
        if (exchange.open()) {
            rejected(exchange, AuthOutcome.OVERLOADED);
        }
    }

    private static boolean preflight(Exchange exchange) {
        return exchange.method() == HttpMethod.OPTIONS && exchange.headers().contains(HttpHeaders.ORIGIN)
                && exchange.headers().contains(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
    }

    /** Continues on the request's own context (a cold key verification may complete on a worker thread), failing safely. */
    private static void onRequestContext(Exchange exchange, Runnable step) {
        Context context = exchange.context();
        // The context alone is not enough: a blocking task of this context runs on a worker thread with it current.
        if (exchange.context().nettyEventLoop().inEventLoop()) {
            guarded(exchange, step);
        } else {
            context.runOnContext(ignored -> guarded(exchange, step));
        }
    }

    private static void guarded(Exchange exchange, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            exchange.internalError(e);
        }
    }
}
