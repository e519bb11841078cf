package io.atc.gateway.proxy;

import java.net.InetAddress;

import io.atc.core.errors.ProblemType;
import io.atc.gateway.routing.Route;
import io.vertx.core.MultiMap;

/**
 * What the gateway's rules decided about one request; the proxy carries it out: it forwards the
 * request ({@link #answer()} is null) with the gateway's own credential, or gives the answer.
 *
 * @param route the matched route; null when none matched or the path was refused
 * @param path the normalised path; null when the path was refused
 * @param declaredLength the Content-Length the client declared, -1 when absent or not looked at
 * @param client the client's address (sent on as X-Forwarded-For); null when not resolved
 * @param authorization the upstream's Authorization ({@code Bearer <internal token>}); null when answered
 * @param callerCredential the caller's own credential that crosses with the request (the upstream checks it)
 * @param clientVoucher the gateway's voucher for the client's address (console pages only), else null
 * @param varyOnOrigin the response depends on the Origin header ({@code Vary: Origin})
 * @param corsHeaders the CORS headers of an allowed origin; null when there are none
 * @param answer the gateway's own answer; null to forward
 */
public record Decision(
        Route route,
        String path,
        long declaredLength,
        InetAddress client,
        CharSequence authorization,
        CallerCredential callerCredential,
        CharSequence clientVoucher,
        boolean varyOnOrigin,
        CorsHeaders corsHeaders,
        Answer answer) {

    /** The caller's credential that is forwarded as sent, next to the gateway's token (if any). */
    public enum CallerCredential {
        NONE,
        /** X-Operator-Token (onboarding a tenant). */
        OPERATOR_TOKEN,
        /** The browser's cookies (the console session). */
        SESSION_COOKIES
    }

    /** Adds the CORS headers of an allowed actual request to the upstream's response. */
    @FunctionalInterface
    public interface CorsHeaders {
        void addTo(MultiMap responseHeaders);
    }

    /**
     * An answer the gateway gives itself: a problem, 204 (an allowed preflight), 500 with an incident
     * id, or content it serves itself (the public API document, 200 or 304).
     *
     * @param problem the problem's type; null for 204, content and an internal error
     * @param failure the unexpected failure of an internal error (logged, not shown), else null
     * @param headers extra headers (Retry-After, WWW-Authenticate, CORS, caching), or null
     * @param content what the gateway serves itself, else null
     */
    public record Answer(ProblemType problem, String detail, Throwable failure, MultiMap headers, Content content) {

        public static Answer problem(ProblemType type, String detail, MultiMap headers) {
            return new Answer(type, detail, null, headers, null);
        }

        public static Answer noContent(MultiMap headers) {
            return new Answer(null, null, null, headers, null);
        }

        public static Answer internalError(Throwable failure) {
            return new Answer(null, null, failure, null, null);
        }

        public static Answer content(Content content, MultiMap headers) {
            return new Answer(null, null, null, headers, content);
        }
    }

    /**
     * A response body the gateway serves itself.
     *
     * @param status 200, or 304 (no body sent; Content-Length stays absent)
     * @param contentType the body's media type
     * @param body the bytes (shared, never written to)
     */
    public record Content(int status, String contentType, byte[] body) {}

    /** Whether the request goes on to its upstream. */
    public boolean forwards() {
        return answer == null;
    }
}
