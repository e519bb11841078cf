package io.atc.core.http;

import java.util.Arrays;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.atc.core.errors.Problem;

/**
 * A client that accepts {@code application/problem+json} but names no JSON type is also answered in
 * {@code application/json}. Clients generated from the public document send exactly that for an operation
 * whose only success is 204 (its only bodies are problems); without this, such a revoke or delete was
 * refused with 406 before it ran. A client that accepts neither (text/html) still gets its 406.
 */
public class ProblemJsonAcceptsJson {

    private static final MediaType PROBLEM = MediaType.valueOf(Problem.MEDIA_TYPE);

    @ServerRequestFilter(preMatching = true)
    public void acceptJsonWithProblems(ContainerRequestContext request) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        if (accept != null && acceptsProblemsOnly(accept)) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, accept + ", " + MediaType.APPLICATION_JSON);
        }
    }

    static boolean acceptsProblemsOnly(String accept) {
        boolean problems = false;
        for (String range : Arrays.asList(accept.split(","))) {
            MediaType type;
            try {
                type = MediaType.valueOf(range.trim());
            } catch (IllegalArgumentException unreadable) {
                return false;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            problems |= type.getType().equalsIgnoreCase(PROBLEM.getType())
                    && type.getSubtype().equalsIgnoreCase(PROBLEM.getSubtype())
                    && !refused(type);
        }
        return problems;
    }

    private static boolean refused(MediaType type) {
        try {
            return Double.parseDouble(type.getParameters().getOrDefault("q", "1")) <= 0;
        } catch (NumberFormatException unreadable) {
            return true;
        }
    }
}
