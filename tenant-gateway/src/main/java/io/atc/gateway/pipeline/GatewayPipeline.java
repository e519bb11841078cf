package io.atc.gateway.pipeline;

import java.net.InetAddress;
import java.time.Instant;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.atc.core.errors.ProblemType;
import io.atc.gateway.auth.AuthOutcome;
import io.atc.gateway.auth.KeyCheck;
import io.atc.gateway.clientip.ClientVouchers;
import io.atc.gateway.cors.CorsDecision;
import io.atc.gateway.identity.AuthenticatedKey;
import io.atc.gateway.identity.InternalTokenMinter;
import io.atc.gateway.metrics.GatewayMetrics;
import io.atc.gateway.proxy.Decision.CallerCredential;
import io.atc.gateway.proxy.PendingRequest;
import io.atc.gateway.proxy.RequestPolicy;
import io.atc.gateway.ratelimit.KeylessRateLimiter;
import io.atc.gateway.ratelimit.RateDecision;
import io.atc.gateway.routing.RequestPaths;
import io.atc.gateway.routing.Route;
import io.atc.gateway.routing.RouteTable;
import io.atc.gateway.session.SessionCheck;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;

/**
 * Every public request, in this order: path normalisation and routing, size limit, the public API
 * document (served by the gateway itself, no key), CORS preflight
 * (answered without a key), the presented key, its authentication, the client address against the
 * key's allowlist, the Origin against the key's origins, the key's rate limit, then forwarding with
 * the key's internal token, the admitted key's use noted for its "last used" (queued, reported later).
 * Each refusal is problem+json with a stable type and counted; a path no
 * route claims (the gateway's own /q/... included, which only its loopback HTTP server serves) is a
 * 404 like any other.
 */
@Singleton
public class GatewayPipeline implements RequestPolicy {

    private static final Logger LOG = Logger.getLogger(GatewayPipeline.class);
    private static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    private static final String PREFLIGHT_DENIED = "This origin may not call the API from a browser.";
    private static final String REFUSED_PATH = "The request path is refused: it has dot or empty segments, encoded"
            + " slashes, backslashes, encoded percent signs, semicolons or control characters.";
    private static final String MISSING_KEY =
            "An API key is required: Authorization: Bearer <key> or X-Api-Key: <key>.";
    private static final String INVALID_KEY = "The API key is not valid.";
    private static final String CSRF_HEADER = "X-CSRF-Token";

    private final RouteTable routes;
    private final KeyAuthentication keys;
    private final CallerAddressPolicy addresses;
    private final OriginPolicy origins;
    private final RateLimitPolicy rateLimit;
    private final KeylessRateLimiter keylessRateLimit;
    private final InternalTokenMinter tokens;
    private final GatewayMetrics metrics;
    private final PublicDocumentAnswers publicDocuments;
    private final KeyUseRecorder keyUses;
    private final SessionAuthentication sessions;

    public GatewayPipeline(
            RouteTable routes,
            KeyAuthentication keys,
            CallerAddressPolicy addresses,
            OriginPolicy origins,
            RateLimitPolicy rateLimit,
            KeylessRateLimiter keylessRateLimit,
            InternalTokenMinter tokens,
            GatewayMetrics metrics,
            PublicDocumentAnswers publicDocuments,
            KeyUseRecorder keyUses,
            SessionAuthentication sessions) {
        this.routes = routes;
        this.keys = keys;
        this.addresses = addresses;
        this.origins = origins;
        this.rateLimit = rateLimit;
        this.keylessRateLimit = keylessRateLimit;
        this.tokens = tokens;
        this.metrics = metrics;
        this.publicDocuments = publicDocuments;
        this.keyUses = keyUses;
        this.sessions = sessions;
    }

    /**
     * Takes a new request through the pipeline, on its connection's event loop and Vert.x context.
     */
    @Override
    public void handle(PendingRequest request) {
        Admission admission = new Admission(request);
        try {
            admit(admission);
        } catch (RuntimeException e) {
            admission.internalError(e);
        }
    }

    private void admit(Admission admission) {
        PendingRequest request = admission.request();
        String path = RequestPaths.normalise(request.rawPath());
        Route route = path == null ? null : routes.match(path);
        admission.routed(route, path);
        if (path == null) {
            admission.refuse(ProblemType.MALFORMED_REQUEST, REFUSED_PATH);
            return;
        }
        boolean publicDocument = KeylessRoutes.publicDocument(path);
        if (route == null && !publicDocument) {
            admission.refuse(ProblemType.NOT_FOUND, "No route for " + path + ".");
            return;
        }
        HttpMethod method = request.method();
        if (method == HttpMethod.CONNECT || method == HttpMethod.TRACE) {
            admission.refuse(ProblemType.METHOD_NOT_ALLOWED, method.name() + " is not forwarded.");
            return;
        }
        long declared = ContentLengths.parse(request.header(HttpHeaders.CONTENT_LENGTH));
        if (declared == ContentLengths.INVALID) {
            admission.refuse(ProblemType.MALFORMED_REQUEST, "Content-Length is not a number.");
            return;
        }
        admission.declaredLength(declared);
        if (declared > request.bodyLimit()) {
            admission.refuse(
                    ProblemType.PAYLOAD_TOO_LARGE,
                    "The request body exceeds the limit of " + request.bodyLimit() + " bytes.");
            return;
        }
        if (publicDocument) {
            publicDocuments.answer(admission, path);
            return;
        }
        if (preflight(request)) {
            if (origins.decidePreflight(request.headers(), admission.answerHeaders())) {
                admission.noContent();
            } else {
                admission.refuse(ProblemType.FORBIDDEN, PREFLIGHT_DENIED);
            }
            return;
        }
        admission.client(addresses.resolve(request.peer(), request.headers()));
        if (KeylessRoutes.consolePage(path)) {
            // Not limited per address like sign-in: a page costs no argon2id and no database work, and
            // the sign-in it leads to is its own request through this pipeline and its limit.
            admission.forwardVouched(addresses.voucherFor(admission.client()));
            return;
        }
        if (KeylessRoutes.consoleSession(method, path)) {
            // The console signs in and checks sessions from its own server, for the browser the voucher names.
            InetAddress vouched = addresses.vouched(request.header(ClientVouchers.HEADER));
            if (vouched != null) {
                admission.client(vouched);
            }
            RateDecision budget = KeylessRoutes.consoleSessionCheck(method, path)
                    ? keylessRateLimit.tryAcquireSessionCheck(admission.client())
                    : keylessRateLimit.tryAcquire(admission.client());
            if (admitted(admission, budget)) {
                admission.forward(tokens.gatewayAuthorization(), CallerCredential.SESSION_COOKIES);
            }
            return;
        }
        String presented = keys.presentedKey(request.headers());
        if (presented == null
                && KeylessRoutes.operator(method, path)
                && request.headers().contains(KeylessRoutes.OPERATOR_TOKEN)) {
            if (keylessAdmitted(admission)) {
                admission.forward(tokens.gatewayAuthorization(), CallerCredential.OPERATOR_TOKEN);
            }
            return;
        }
        String session = presented == null ? sessions.presentedSession(request.headers()) : null;
        if (session != null) {
            admitSession(admission, session);
            return;
        }
        if (presented == null) {
            rejected(admission, AuthOutcome.MISSING);
            return;
        }
        KeyCheck known = keys.known(presented);
        if (known != null) {
            authenticated(admission, known);
            return;
        }
        keys.authenticate(presented, admission.client())
                .subscribe()
                .with(
                        check -> onRequestContext(admission, () -> authenticated(admission, check)),
                        failure -> onRequestContext(admission, () -> verificationFailed(admission, failure)));
    }

    /**
     * A console session in place of a key (the console acts on the API with its user's session). It is
     * refused with an Origin: the console calls from its server, and no page of any origin may ride a
     * browser's session cookie on the API (SameSite=Strict still lets sibling subdomains send it).
     */
    private void admitSession(Admission admission, String session) {
        PendingRequest request = admission.request();
        if (request.headers().contains(HttpHeaders.ORIGIN)) {
            rejected(admission, AuthOutcome.SESSION_REFUSED);
            return;
        }
        sessions.authenticate(session, request.method().name(), request.header(CSRF_HEADER))
                .subscribe()
                .with(
                        check -> onRequestContext(admission, () -> sessionChecked(admission, check)),
                        failure -> onRequestContext(admission, () -> verificationFailed(admission, failure)));
    }

    private void sessionChecked(Admission admission, SessionCheck check) {
        if (!admission.request().open()) {
            return;
        }
        if (check.outcome() == SessionCheck.Outcome.UNAVAILABLE) {
            rejected(admission, AuthOutcome.OVERLOADED);
            return;
        }
        if (!check.ok()) {
            rejected(admission, AuthOutcome.SESSION_REFUSED);
            return;
        }
        RateDecision decision = rateLimit.tryAcquire(check.userId(), "console");
        if (!decision.allowed()) {
            admission.answerHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
            rejected(admission, AuthOutcome.RATE_LIMITED);
            return;
        }
        metrics.auth(AuthOutcome.OK);
        admission.forward(
                tokens.authorizationForUser(check.tenant(), check.userId(), check.scopes()), CallerCredential.NONE);
    }

    /** Keyless requests (sign-in, onboarding) are limited per client address instead of per key. */
    private boolean keylessAdmitted(Admission admission) {
        return admitted(admission, keylessRateLimit.tryAcquire(admission.client()));
    }

    /** Whether a keyless request is within its budget; if not, it is answered 429 with Retry-After. */
    private boolean admitted(Admission admission, RateDecision decision) {
        if (decision.allowed()) {
            return true;
        }
        admission.answerHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
        rejected(admission, AuthOutcome.RATE_LIMITED);
        return false;
    }

    private void authenticated(Admission admission, KeyCheck check) {
        if (!admission.request().open()) {
            return;
        }
        if (!check.ok()) {
            if (check.outcome() == AuthOutcome.THROTTLED) {
                admission.answerHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(check.retryAfterSeconds()));
            }
            rejected(admission, check.outcome());
            return;
        }
        AuthenticatedKey key = check.key();
        if (key.expiresAt() != null && key.expiredAt(Instant.now())) {
            rejected(admission, AuthOutcome.EXPIRED);
            return;
        }
        if (!addresses.permits(key.allowedCidrs(), admission.client())) {
            rejected(admission, AuthOutcome.IP_DENIED);
            return;
        }
        String origin = admission.request().header(HttpHeaders.ORIGIN);
        CorsDecision cors = origins.check(origin, key.allowedOrigins());
        admission.dependsOnOrigin(
                cors == CorsDecision.ALLOWED ? headers -> origins.addAllowedOriginHeaders(origin, headers) : null);
        if (cors == CorsDecision.DENIED) {
            rejected(admission, AuthOutcome.ORIGIN_DENIED);
            return;
        }
        RateDecision decision = rateLimit.tryAcquire(key.keyId(), key.prefix());
        if (!decision.allowed()) {
            admission.answerHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
            rejected(admission, AuthOutcome.RATE_LIMITED);
            return;
        }
        metrics.auth(AuthOutcome.OK);
        recordUse(key, admission.client());
        admission.forward(tokens.authorizationFor(key), CallerCredential.NONE);
    }

    /** A key's "last used" is bookkeeping: it may be lost, but it must never delay or fail the request. */
    private void recordUse(AuthenticatedKey key, InetAddress client) {
        try {
            keyUses.admitted(key, client);
        } catch (RuntimeException e) {
            LOG.debugf("key use not recorded: %s", e.getClass().getName());
        }
    }

    private void rejected(Admission admission, AuthOutcome outcome) {
        metrics.auth(outcome);
        switch (outcome) {
            case MISSING -> {
                admission.answerHeaders().set(WWW_AUTHENTICATE, "Bearer realm=\"atc\"");
                admission.refuse(ProblemType.UNAUTHENTICATED, MISSING_KEY);
            }
            case OVERLOADED -> {
                admission.answerHeaders().set(HttpHeaders.RETRY_AFTER, "1");
                admission.refuse(ProblemType.UNAVAILABLE, "Key verification is busy or unreachable; retry shortly.");
            }
            case THROTTLED ->
                admission.refuse(
                        ProblemType.RATE_LIMITED,
                        "Too many keys this gateway has not seen lately come from this address;"
                                + " retry after the time in Retry-After.");
            case SESSION_REFUSED ->
                admission.refuse(
                        ProblemType.FORBIDDEN,
                        "No valid console session, a change without its X-CSRF-Token, or a session sent from a"
                                + " browser page (Origin).");
            case IP_DENIED -> admission.refuse(ProblemType.FORBIDDEN, "This key may not be used from this address.");
            case ORIGIN_DENIED -> admission.refuse(ProblemType.FORBIDDEN, "This key may not be used from this origin.");
            case RATE_LIMITED -> {
                if (!admission.answerHeaders().contains(HttpHeaders.RETRY_AFTER)) {
                    admission.answerHeaders().set(HttpHeaders.RETRY_AFTER, "1");
                }
                admission.refuse(
                        ProblemType.RATE_LIMITED,
                        "Too many requests with this key; retry after the time in Retry-After.");
            }
            default -> {
                admission.answerHeaders().set(WWW_AUTHENTICATE, "Bearer realm=\"atc\", error=\"invalid_token\"");
                admission.refuse(ProblemType.UNAUTHENTICATED, INVALID_KEY);
            }
        }
    }

    private void verificationFailed(Admission admission, Throwable failure) {
        LOG.debugf("key verification failed: %s", failure.getClass().getName());
        if (admission.request().open()) {
            rejected(admission, AuthOutcome.OVERLOADED);
        }
    }

    private static boolean preflight(PendingRequest request) {
        return request.method() == HttpMethod.OPTIONS
                && request.headers().contains(HttpHeaders.ORIGIN)
                && request.headers().contains(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
    }

    /** Continues on the request's own context (a cold key verification may complete on a worker thread), failing safely. */
    private static void onRequestContext(Admission admission, Runnable step) {
        admission.request().resume(() -> guarded(admission, step));
    }

    private static void guarded(Admission admission, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            admission.internalError(e);
        }
    }
}
