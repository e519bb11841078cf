package io.atc.gateway.pipeline;

import io.atc.gateway.apidocs.ServedDocuments;
import io.vertx.core.http.HttpMethod;

/**
 * The only public requests that carry no API key: the public API document, which the gateway
 * serves itself, and those the keys-service checks another credential for: onboarding a tenant
 * (the operator credential in X-Operator-Token) and the console session endpoints (email and
 * password, then the session cookie). Those are forwarded with the gateway's own token. Each
 * matches exactly one normalised path and nothing else. The console's pages need no key either
 * and get no token.
 */
final class KeylessRoutes {

    static final String OPERATOR_TOKEN = "X-Operator-Token";

    private KeylessRoutes() {}

    /** {@code /v1/openapi.json} and {@code /v1/openapi.yaml}, any method: the gateway answers them itself. */
    static boolean publicDocument(String path) {
        return ServedDocuments.PATHS.contains(path);
    }

    /** {@code POST /v1/tenants} (TenantResource). */
    static boolean operator(HttpMethod method, String path) {
        return method == HttpMethod.POST && path.equals("/v1/tenants");
    }

    /**
     * The web console's pages and assets ({@code /console} and below, the console service): they hold
     * no tenant data themselves, and the console acts only through this gateway's API with the user's
     * session, so they are forwarded with the browser's cookies and no internal token at all.
     */
    static boolean consolePage(String path) {
        return path.equals("/console") || path.startsWith("/console/");
    }

    /** The current session (ConsoleSessionResource): the check every console page makes. */
    static boolean consoleSessionCheck(HttpMethod method, String path) {
        return method == HttpMethod.GET && path.equals("/v1/console/session");
    }

    /** Sign in, the current session, sign out (ConsoleSessionResource). */
    static boolean consoleSession(HttpMethod method, String path) {
        return (method == HttpMethod.POST || method == HttpMethod.DELETE) && path.equals("/v1/console/sessions")
                || method == HttpMethod.GET && path.equals("/v1/console/session");
    }
}
