package io.atc.gateway.proxy;

import java.util.function.BooleanSupplier;

import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpStatusClass;

/**
 * Netty's HTTP/1.1 response encoder and decoder as separate pipeline handlers, told by the
 * connection whether the response answers HEAD (then it has no body, whatever its Content-Length
 * says). Netty's server and client codecs know that by queueing every request's method inside a
 * combined handler; the gateway's connections already know which exchange they serve.
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

    /** Reads an upstream's responses. */
    static HttpResponseDecoder responseDecoder(HttpDecoderConfig config, BooleanSupplier answeringHead) {
        return new HttpResponseDecoder(config) {
            @Override
            protected boolean isContentAlwaysEmpty(HttpMessage msg) {
                return ((HttpResponse) msg).status().codeClass() != HttpStatusClass.INFORMATIONAL && answeringHead.getAsBoolean()
                        || super.isContentAlwaysEmpty(msg);
            }
        };
    }
}
