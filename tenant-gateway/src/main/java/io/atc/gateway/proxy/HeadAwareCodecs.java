package io.atc.gateway.proxy;

import java.util.function.BooleanSupplier;

import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;

/**
 * Netty's HTTP/1.1 response encoder as a pipeline handler of its own, told by the client
 * connection whether the response answers HEAD (then it has no body, whatever its Content-Length
 * says). Netty's server codec knows that by queueing every request's method inside a combined
 * handler; the gateway's connections already know which exchange they serve. (Upstream responses
 * are read by {@link UpstreamResponseReader}, which is told the same.)
 */
final class HeadAwareCodecs {

    private HeadAwareCodecs() {
    }

    /** Writes responses to a client. */
    static HttpResponseEncoder responseEncoder(BooleanSupplier answeringHead) {
        return new HttpResponseEncoder() {
            @Override
            protected boolean isContentAlwaysEmpty(HttpResponse msg) {
                return answeringHead.getAsBoolean() || super.isContentAlwaysEmpty(msg);
            }
        };
    }
}
