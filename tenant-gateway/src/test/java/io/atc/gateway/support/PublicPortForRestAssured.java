package io.atc.gateway.support;

import io.atc.gateway.proxy.PublicListener;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;

/**
 * Sends the tests' requests to the gateway's public listener. Quarkus points RestAssured at its own
 * HTTP server, which in the gateway only serves health, metrics and OpenAPI on loopback beside the
 * listener (never through it), so a global filter moves every RestAssured request to the public
 * port, except those for the gateway's own endpoints ({@code /q/...}); raw clients ask
 * {@link #publicPort()}.
 */
public class PublicPortForRestAssured implements QuarkusTestBeforeEachCallback {

    private static final Filter TO_PUBLIC_PORT = (request, response, chain) -> {
        if (!java.net.URI.create(request.getURI()).getPath().startsWith("/q/")) {
            request.port(publicPort());
        }
        return chain.next(request, response);
    };

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (!RestAssured.filters().contains(TO_PUBLIC_PORT)) {
            RestAssured.filters(TO_PUBLIC_PORT);
        }
    }

    /** The running gateway's public port. */
    public static int publicPort() {
        return Arc.container().instance(PublicListener.class).get().port();
    }
}
