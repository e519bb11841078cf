package io.atc.gateway.pipeline;

import java.net.InetAddress;

import io.atc.core.errors.ProblemType;
import io.atc.gateway.proxy.Decision;
import io.atc.gateway.proxy.Decision.Answer;
import io.atc.gateway.proxy.Decision.CallerCredential;
import io.atc.gateway.proxy.PendingRequest;
import io.atc.gateway.routing.Route;
import io.atc.gateway.vertx.VertxInternals;
import io.vertx.core.MultiMap;

/**
 * One request on its way through the rules: what they have found out so far, then the
 * {@link Decision} they hand to the proxy (a refusal carries what was known when it was made).
 */
final class Admission {

    private final PendingRequest request;
    private Route route;
    private String path;
    private long declaredLength = ContentLengths.ABSENT;
    private InetAddress client;
    private boolean varyOnOrigin;
    private Decision.CorsHeaders corsHeaders;
    private MultiMap answerHeaders;

    Admission(PendingRequest request) {
        this.request = request;
    }

    PendingRequest request() {
        return request;
    }

    void routed(Route route, String normalisedPath) {
        this.route = route;
        this.path = normalisedPath;
    }

    void declaredLength(long length) {
        this.declaredLength = length;
    }

    InetAddress client() {
        return client;
    }

    void client(InetAddress client) {
        this.client = client;
    }

    /** The response depends on the Origin header: it carries {@code Vary: Origin}, and {@code corsHeaders} when non-null. */
    void dependsOnOrigin(Decision.CorsHeaders corsHeaders) {
        this.varyOnOrigin = true;
        this.corsHeaders = corsHeaders;
    }

    /** Headers for an answer the gateway gives itself (Retry-After, WWW-Authenticate, a preflight's CORS headers). */
    MultiMap answerHeaders() {
        if (answerHeaders == null) {
            answerHeaders = VertxInternals.newMultiMap();
        }
        return answerHeaders;
    }

    /** Forward with the gateway's {@code authorization}, and the caller's own {@code credential} when the upstream checks it. */
    void forward(CharSequence authorization, CallerCredential credential) {
        decide(authorization, credential, null, null);
    }

    /** Forward to the console with the caller's cookies and the gateway's voucher for the client's address. */
    void forwardVouched(CharSequence clientVoucher) {
        decide(null, CallerCredential.SESSION_COOKIES, clientVoucher, null);
    }

    /** Answers with a problem (and the {@link #answerHeaders()}). */
    void refuse(ProblemType type, String detail) {
        decide(null, CallerCredential.NONE, null, Answer.problem(type, detail, answerHeaders));
    }

    /** 204 with the {@link #answerHeaders()} (an allowed preflight). */
    void noContent() {
        decide(null, CallerCredential.NONE, null, Answer.noContent(answerHeaders));
    }

    /** Serves content the gateway holds itself (the public API document), with the {@link #answerHeaders()}. */
    void serve(Decision.Content content) {
        decide(null, CallerCredential.NONE, null, Answer.content(content, answerHeaders));
    }

    /** Answers 500 with an incident id (the failure is logged, not shown). */
    void internalError(Throwable failure) {
        decide(null, CallerCredential.NONE, null, Answer.internalError(failure));
    }

    private void decide(
            CharSequence authorization, CallerCredential credential, CharSequence clientVoucher, Answer answer) {
        request.decide(new Decision(
                route,
                path,
                declaredLength,
                client,
                authorization,
                credential,
                clientVoucher,
                varyOnOrigin,
                corsHeaders,
                answer));
    }
}
