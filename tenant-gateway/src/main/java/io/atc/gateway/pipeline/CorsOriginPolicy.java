package io.atc.gateway.pipeline;

import java.util.List;

import jakarta.inject.Singleton;

import io.atc.gateway.cors.CorsDecision;
import io.atc.gateway.cors.CorsPolicy;
import io.vertx.core.MultiMap;

/** The gateway's CORS rules ({@link CorsPolicy}). */
@Singleton
public class CorsOriginPolicy implements OriginPolicy {

    private final CorsPolicy cors;

    public CorsOriginPolicy(CorsPolicy cors) {
        this.cors = cors;
    }

    @Override
    public boolean decidePreflight(MultiMap requestHeaders, MultiMap responseHeaders) {
        return cors.decidePreflight(requestHeaders, responseHeaders);
    }

    @Override
    public CorsDecision check(String origin, List<String> keyAllowedOrigins) {
        return cors.check(origin, keyAllowedOrigins);
    }

    @Override
    public void addAllowedOriginHeaders(String origin, MultiMap responseHeaders) {
        cors.allowActualResponse(responseHeaders, origin);
    }
}
