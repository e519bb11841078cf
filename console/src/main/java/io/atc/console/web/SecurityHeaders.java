package io.atc.console.web;

import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerResponse;

/**
 * The headers every answer of the console carries, pages, assets and errors alike. Scripts and styles
 * come only from the console's own vendored files (no inline script or style, no eval), nothing may
 * frame it, no page leaks its URL as a referrer, and nothing the console answers is stored by a cache
 * except its versioned assets.
 */
public class SecurityHeaders {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    static final String ASSETS = "/console/assets/";

    void register(@Observes Filters filters) {
        filters.register(
                context -> {
                    boolean asset = context.normalizedPath().startsWith(ASSETS);
                    context.addHeadersEndHandler(ignored -> addTo(context.response(), asset));
                    context.next();
                },
                100);
    }

    static void addTo(HttpServerResponse response, boolean asset) {
        response.headers()
                .set("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .set("Referrer-Policy", "no-referrer")
                .set("X-Content-Type-Options", "nosniff")
                .set("X-Frame-Options", "DENY")
                .set("Cross-Origin-Opener-Policy", "same-origin")
                .set("Cross-Origin-Resource-Policy", "same-origin")
                .set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")
                .set("Cache-Control", asset ? "no-cache" : "no-store");
    }
}
