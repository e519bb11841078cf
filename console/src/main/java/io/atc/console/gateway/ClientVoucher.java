package io.atc.console.gateway;

import java.util.Optional;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.http.HttpServerRequest;

/**
 * The gateway's voucher for the browser's address, which it sends with every console page: the console
 * puts it back on its own calls to the gateway, so that sign-in and session checks count against the
 * browser's address, not the console's (see the gateway's ClientVouchers). It is kept in the request's
 * Vert.x context, which every step of a page's reactive chain runs on, so no page has to pass it along.
 */
public class ClientVoucher {

    public static final String HEADER = "X-Atc-Client-Voucher";
    private static final String LOCAL = "atc.client-voucher";

    /** Keeps the request's voucher, if any, for the calls this request makes. */
    @ServerRequestFilter
    public void keep(HttpServerRequest request) {
        String voucher = request.getHeader(HEADER);
        if (voucher != null && VertxContext.isOnDuplicatedContext()) {
            ContextLocals.put(LOCAL, voucher);
        }
    }

    /** The current request's voucher; empty outside a request or when the gateway sent none. */
    static Optional<String> current() {
        return VertxContext.isOnDuplicatedContext() ? ContextLocals.get(LOCAL) : Optional.empty();
    }
}
