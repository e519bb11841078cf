package io.atc.console.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import io.atc.console.gateway.GatewayAnswer;

/** Answers the pages share: redirects, the cookies the gateway set passed on, refusals. */
public final class Pages {

    private Pages() {}

    public static Response seeOther(String path) {
        return seeOtherBuilder(path).build();
    }

    /**
     * 303 to a path of the console, as a relative Location: JAX-RS would make it absolute against the
     * request's Host, which is the console's own address behind the gateway, and send the browser there.
     */
    public static Response.ResponseBuilder seeOtherBuilder(String path) {
        return Response.status(Response.Status.SEE_OTHER).header("Location", path);
    }

    /** Passes on, as set, the cookies the gateway's answer set (the console session's). */
    public static Response.ResponseBuilder withCookies(Response.ResponseBuilder response, GatewayAnswer answer) {
        for (String cookie : answer.setCookies()) {
            response.header("Set-Cookie", cookie);
        }
        return response;
    }

    public static Response forbidden() {
        return Response.status(Response.Status.FORBIDDEN)
                .type(MediaType.TEXT_PLAIN_TYPE)
                .entity("This form expired or did not come from the console; reload the page and try again.")
                .build();
    }

    public static NewCookie cookie(String name, String value, int maxAgeSeconds, boolean httpOnly) {
        return new NewCookie.Builder(name)
                .value(value)
                .path("/")
                .secure(true)
                .httpOnly(httpOnly)
                .maxAge(maxAgeSeconds)
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
    }

    public static NewCookie expired(String name) {
        return cookie(name, "", 0, true);
    }
}
