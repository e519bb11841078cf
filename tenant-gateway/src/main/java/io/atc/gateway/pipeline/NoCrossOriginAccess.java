package io.atc.gateway.pipeline;

import java.util.List;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;

/** Stands in until the CORS policy is bound: answers preflights without allowing anything and denies every browser origin. */
final class NoCrossOriginAccess implements OriginPolicy {

    @Override
    public void answerPreflight(HttpServerRequest request) {
        request.response().setStatusCode(204).putHeader("Vary", "Origin").end();
    }

    @Override
    public OriginVerdict check(String origin, List<String> keyAllowedOrigins) {
        return origin == null ? OriginVerdict.NO_ORIGIN : OriginVerdict.DENIED;
    }

    @Override
    public void addAllowedOriginHeaders(String origin, MultiMap responseHeaders) {
        throw new IllegalStateException("no origin is ever allowed here");
    }
}
