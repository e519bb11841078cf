package io.atc.gateway.pipeline;

import java.util.List;

import io.atc.gateway.cors.CorsDecision;
import io.vertx.core.MultiMap;

/**
 * What the pipeline needs from CORS (bound to {@code cors.CorsPolicy} by {@link CorsOriginPolicy}). The pipeline itself merges
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
    CorsDecision check(String origin, List<String> keyAllowedOrigins);

    /** Adds the CORS headers of an actual request from an allowed origin (Access-Control-Allow-Origin and the like). */
    void addAllowedOriginHeaders(String origin, MultiMap responseHeaders);
}
