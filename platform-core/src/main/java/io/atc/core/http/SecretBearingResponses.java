package io.atc.core.http;

import jakarta.ws.rs.core.Response;

/**
 * Responses that carry a secret shown once (a raw API key, a session): no browser, proxy or CDN
 * may keep a copy.
 */
public final class SecretBearingResponses {

    private SecretBearingResponses() {}

    public static Response.ResponseBuilder noStore(Response.ResponseBuilder response) {
        return response.header("Cache-Control", "no-store").header("Pragma", "no-cache");
    }
}
