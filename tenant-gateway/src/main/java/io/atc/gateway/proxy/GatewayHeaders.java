package io.atc.gateway.proxy;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.vertx.core.MultiMap;
import io.vertx.core.http.impl.headers.HeadersAdaptor;
import io.vertx.core.http.impl.headers.HeadersMultiMap;

/**
 * Header maps that are both Netty's (the codecs read and write them) and Vert.x's MultiMap (the
 * gateway's rules read and change them), so a message's headers are never copied between the two.
 */
final class GatewayHeaders {

    /**
     * Decoded messages' header maps do not validate again what their reader has already checked (Netty's
     * request decoder, {@link UpstreamResponseReader});
     * what the gateway adds is its own (tokens, ids, addresses) or a value taken from a decoded header.
     */
    static final HttpHeadersFactory FACTORY = new HttpHeadersFactory() {
        @Override
        public HttpHeaders newHeaders() {
            return HeadersMultiMap.headers();
        }

        @Override
        public HttpHeaders newEmptyHeaders() {
            return HeadersMultiMap.headers();
        }
    };

    private GatewayHeaders() {
    }

    static HttpHeaders create() {
        return HeadersMultiMap.httpHeaders();
    }

    /** The MultiMap view of a message's headers (HTTP/2 streams' converted messages come with Netty's own). */
    static MultiMap view(HttpHeaders headers) {
        return headers instanceof MultiMap multiMap ? multiMap : new HeadersAdaptor(headers);
    }
}
