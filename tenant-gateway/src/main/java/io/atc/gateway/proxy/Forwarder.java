package io.atc.gateway.proxy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import io.atc.gateway.clientip.ClientVouchers;
import io.atc.gateway.cors.CorsPolicy;
import io.atc.gateway.vertx.VertxInternals;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;

/**
 * Sends an admitted request to its upstream and shapes the answer, rewriting the messages' own
 * headers in place (nothing is copied): hop-by-hop headers (and those named by Connection) never
 * cross, the caller's credentials and forwarding headers are replaced by the gateway's, and the
 * upstream's CORS headers are dropped (the gateway alone decides CORS). The exchange streams the
 * bodies.
 */
@Singleton
public class Forwarder {

    /** Hop-by-hop headers (RFC 9110 7.6.1, and the legacy ones): they describe one connection, never the message. */
    static final HeaderNameSet HOP_BY_HOP = new HeaderNameSet(
            "connection",
            "keep-alive",
            "proxy-authenticate",
            "proxy-authorization",
            "proxy-connection",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade");

    /** Request headers the gateway never passes on as sent (some are replaced by its own). */
    private static final HeaderNameSet NOT_FORWARDED = HOP_BY_HOP.with(
            "host",
            "content-length",
            "expect",
            "authorization",
            "x-api-key",
            "x-operator-token",
            "cookie",
            "forwarded",
            "x-forwarded-for",
            "x-forwarded-proto",
            "x-forwarded-host",
            "x-forwarded-port",
            "x-real-ip",
            "x-request-id",
            "x-atc-client-voucher");

    /** Response headers the gateway never passes back as received (Content-Length stays; Vary is merged). */
    private static final HeaderNameSet NOT_RETURNED = HOP_BY_HOP.with("x-request-id");

    private static final AsciiString OPERATOR_TOKEN = AsciiString.cached("X-Operator-Token");
    private static final AsciiString CLIENT_VOUCHER = AsciiString.cached(ClientVouchers.HEADER);
    private static final AsciiString X_FORWARDED_FOR = AsciiString.cached("X-Forwarded-For");
    private static final AsciiString X_FORWARDED_PROTO = AsciiString.cached("X-Forwarded-Proto");
    private static final AsciiString HTTP = AsciiString.cached("http");
    private static final String ACCESS_CONTROL = "access-control-";
    /** Pseudo-header leftovers of an HTTP/2 request converted to HTTP/1.1 (x-http2-scheme, ...). */
    private static final String HTTP2_EXTENSION = "x-http2-";

    private final Upstreams upstreams;

    public Forwarder(Upstreams upstreams) {
        this.upstreams = upstreams;
    }

    /** Forwards an admitted request to its route's upstream, with the gateway's credentials and forwarding headers. */
    void forward(Exchange exchange) {
        Upstreams.Upstream upstream = upstreams.of(exchange.route());
        rewriteRequestHead(exchange, exchange.decision(), upstream);
        exchange.forwardTo(upstream, upstreams.acquire(upstream, exchange.eventLoop()));
    }

    private static void rewriteRequestHead(Exchange exchange, Decision decision, Upstreams.Upstream upstream) {
        HttpRequest request = exchange.request();
        MultiMap headers = exchange.headers();
        String connection = headers.get(HttpHeaderNames.CONNECTION);
        Decision.CallerCredential kept = decision.callerCredential();
        String operatorToken = kept == Decision.CallerCredential.OPERATOR_TOKEN ? headers.get(OPERATOR_TOKEN) : null;
        List<String> cookies =
                kept == Decision.CallerCredential.SESSION_COOKIES ? headers.getAll(HttpHeaderNames.COOKIE) : null;
        long declaredLength = decision.declaredLength();
        boolean chunked = declaredLength < 0 && HttpUtil.isTransferEncodingChunked(request);
        removeAll(headers, collect(request.headers(), NOT_FORWARDED, connection, HTTP2_EXTENSION));
        if (operatorToken != null) {
            headers.set(OPERATOR_TOKEN, operatorToken);
        }
        if (cookies != null) {
            for (String cookie : cookies) {
                headers.add(HttpHeaderNames.COOKIE, cookie);
            }
        }
        if (declaredLength >= 0) {
            headers.set(HttpHeaderNames.CONTENT_LENGTH, Long.toString(declaredLength));
        } else if (chunked || exchange.http2() && !exchange.requestEnded()) {
            headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        }
        headers.set(HttpHeaderNames.HOST, upstream.host());
        if (decision.authorization() != null) {
            headers.set(HttpHeaderNames.AUTHORIZATION, decision.authorization());
        }
        if (decision.clientVoucher() != null) {
            headers.set(CLIENT_VOUCHER, decision.clientVoucher());
        }
        headers.set(X_FORWARDED_FOR, exchange.clientText());
        headers.set(X_FORWARDED_PROTO, HTTP);
        headers.set(RequestIds.HEADER, exchange.requestId());
        String query = exchange.query();
        request.setUri(query == null ? decision.path() : decision.path() + '?' + query);
        request.setProtocolVersion(HttpVersion.HTTP_1_1);
    }

    /** The upstream's response head, rewritten for the client. */
    static void rewriteResponseHead(Exchange exchange, HttpResponse response) {
        MultiMap headers = VertxInternals.multiMap(response.headers());
        String connection = headers.get(HttpHeaderNames.CONNECTION);
        Decision decision = exchange.decision();
        boolean api = decision != null && decision.route() != null;
        removeAll(headers, collect(response.headers(), NOT_RETURNED, connection, api ? ACCESS_CONTROL : null));
        if (decision != null && decision.varyOnOrigin()) {
            CorsPolicy.varyOnOrigin(headers);
            if (decision.corsHeaders() != null) {
                decision.corsHeaders().addTo(headers);
            }
        }
        headers.set(RequestIds.HEADER, exchange.requestId());
        int status = response.status().code();
        if (!headers.contains(HttpHeaderNames.CONTENT_LENGTH) && hasBody(exchange.method(), status)) {
            headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        }
        response.setProtocolVersion(HttpVersion.HTTP_1_1);
    }

    /** Names to drop: those in {@code set}, those the Connection header names, and those starting with {@code prefix}. */
    private static List<CharSequence> collect(
            HttpHeaders headers, HeaderNameSet set, String connection, String prefix) {
        List<CharSequence> drop = null;
        // The CharSequence iterator hands out the decoded names themselves; the MultiMap one makes a String of each.
        Iterator<Map.Entry<CharSequence, CharSequence>> entries = headers.iteratorCharSequence();
        while (entries.hasNext()) {
            CharSequence name = entries.next().getKey();
            if (set.contains(name)
                    || connection != null && HeaderNameSet.namedIn(connection, name)
                    || prefix != null
                            && (name.charAt(0) | 0x20) == prefix.charAt(0)
                            && AsciiString.regionMatches(name, true, 0, prefix, 0, prefix.length())) {
                if (drop == null) {
                    drop = new ArrayList<>(4);
                }
                drop.add(name);
            }
        }
        return drop;
    }

    private static void removeAll(MultiMap headers, List<CharSequence> names) {
        if (names != null) {
            for (CharSequence name : names) {
                headers.remove(name);
            }
        }
    }

    private static boolean hasBody(HttpMethod method, int status) {
        return method != HttpMethod.HEAD && status >= 200 && status != 204 && status != 304;
    }
}
