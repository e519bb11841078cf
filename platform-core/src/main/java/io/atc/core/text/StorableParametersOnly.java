package io.atc.core.text;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.atc.core.errors.ProblemException;
import io.atc.core.errors.ProblemResponses;

/**
 * Path and query parameters reach queries as text too (today they bind to UUIDs and numbers; a text
 * one may come tomorrow): a value Postgres could not store (a %00) is refused with a 422 naming the
 * parameter before any resource runs, whatever type the parameter binds to.
 */
public class StorableParametersOnly {

    @ServerRequestFilter
    public Optional<Response> refuseUnstorable(UriInfo uri) {
        return firstUnstorable(uri.getPathParameters())
                .or(() -> firstUnstorable(uri.getQueryParameters()))
                .map(name -> ProblemResponses.of(ProblemException.invalid(name, PostgresText.RULE), uri.getPath()));
    }

    private static Optional<String> firstUnstorable(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                if (!PostgresText.canStore(value)) {
                    return Optional.of(parameter.getKey());
                }
            }
        }
        return Optional.empty();
    }
}
