package io.atc.gateway.pipeline;

import io.vertx.core.http.HttpMethod;

/**
 * The only public requests that carry no API key, because the keys-service checks another
 * credential itself: onboarding a tenant (the operator credential in X-Operator-Token) and the
 * console session endpoints (email and password, then the session cookie). They are forwarded
 * with the gateway's own token, so they match exactly one normalised path each and nothing else.
 */
final class KeylessRoutes {

    static final String OPERATOR_TOKEN = "X-Operator-Token";

    private KeylessRoutes() {}

    /** {@code POST /v1/tenants} (TenantResource). */
    static boolean operator(HttpMethod method, String path) {
        return method == HttpMethod.POST && path.equals("/v1/tenants");
    }

    /** Sign in, the current session, sign out (ConsoleSessionResource). */
    static boolean consoleSession(HttpMethod method, String path) {
        return (method == HttpMethod.POST || method == HttpMethod.DELETE) && path.equals("/v1/console/sessions")
                || method == HttpMethod.GET && path.equals("/v1/console/session");
    }
}
