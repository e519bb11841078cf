package io.atc.console.web;

import java.util.Optional;

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

    /**
     * The answer for a request the platform could not take just now (429, or 5xx when it did not answer):
     * the same status and a plain message; empty for any other answer.
     */
    public static Optional<Response> notNow(GatewayAnswer answer) {
        if (answer == null || answer.status() != 429 && answer.status() < 500) {
            return Optional.empty();
        }
        String message = answer.status() == 429
                ? "Too many requests from your address just now: wait a few seconds, then reload the page."
                : "The platform did not answer: wait a moment, then reload the page.";
        return Optional.of(Response.status(answer.status() == 429 ? 429 : 503)
                .type(MediaType.TEXT_PLAIN_TYPE)
                .header("Retry-After", "5")
                .entity(message)
                .build());
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
