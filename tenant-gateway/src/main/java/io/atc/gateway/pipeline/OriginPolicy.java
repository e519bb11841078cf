package io.atc.gateway.pipeline;

import java.util.List;

import io.vertx.core.MultiMap;

/**
 * What the pipeline needs from CORS (bound to {@code cors.CorsPolicy}). The pipeline itself merges
 * {@code Vary: Origin} into every response that depends on Origin and never forwards an upstream's
 * own CORS headers.
 */
public interface OriginPolicy {

    /**
     * Decides a preflight (which carries no key): fills the response headers (Vary always, the CORS
     * headers when allowed) and answers whether it is allowed (204) or not (403 problem+json).
     */
    boolean decidePreflight(MultiMap requestHeaders, MultiMap responseHeaders);

    /** @param origin the Origin header, or null @param keyAllowedOrigins the presenting key's canonical origins */
    OriginVerdict check(String origin, List<String> keyAllowedOrigins);

    /** Adds the CORS headers of an actual request from an allowed origin (Access-Control-Allow-Origin and the like). */
    void addAllowedOriginHeaders(String origin, MultiMap responseHeaders);

    enum OriginVerdict {
        /** No Origin header: not a browser request; the IP allowlist alone governs it. */
        NO_ORIGIN,
        ALLOWED,
        DENIED
    }
}
