package io.atc.core.errors;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.pgclient.PgException;

/**
 * Maps every failure a resource can produce to RFC 9457 problem+json, so that no service
 * answers with a stack trace, a framework error page or a 500 for bad input.
 */
public class ProblemExceptionMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException problem, UriInfo uri) {
        return ProblemResponses.of(problem, uri.getPath());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException failure, UriInfo uri) {
        int status = failure.getResponse().getStatus();
        if (status >= 500) {
            return ProblemResponses.internal(failure, uri.getPath());
        }
        ProblemType type = ProblemType.forStatus(status);
        return ProblemResponses.of(type, type.title(), uri.getPath());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException failure, UriInfo uri) {
        List<Problem.FieldError> errors = failure.getConstraintViolations().stream()
                .map(violation -> new Problem.FieldError(fieldName(violation), violation.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
        return ProblemResponses.of(ProblemType.INVALID_INPUT, detail, uri.getPath(), errors);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonParseException failure, UriInfo uri) {
        return ProblemResponses.of(ProblemType.MALFORMED_REQUEST, "The request body is not valid JSON.", uri.getPath());
    }

    @ServerExceptionMapper({JsonMappingException.class, MismatchedInputException.class, InvalidFormatException.class})
    public Response mistypedJson(JsonMappingException failure, UriInfo uri) {
        String field = JsonFieldPath.of(failure);
        if (field.isEmpty()) {
            return ProblemResponses.of(
                    ProblemType.MALFORMED_REQUEST, "The request body has the wrong shape.", uri.getPath());
        }
        return ProblemResponses.of(
                ProblemType.MALFORMED_REQUEST,
                field + ": wrong type or format",
                uri.getPath(),
                List.of(new Problem.FieldError(field, "wrong type or format")));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException failure, UriInfo uri) {
        return ProblemResponses.of(ProblemType.UNAUTHENTICATED, "A valid credential is required.", uri.getPath());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException failure, UriInfo uri) {
        return ProblemResponses.of(ProblemType.FORBIDDEN, "This credential may not do that.", uri.getPath());
    }

    @ServerExceptionMapper
    public Response database(PgException failure, UriInfo uri) {
        return switch (String.valueOf(failure.getSqlState())) {
            case "23505" ->
                ProblemResponses.of(
                        ProblemType.CONFLICT, "A resource with these values already exists.", uri.getPath());
            case "23503" ->
                ProblemResponses.of(
                        ProblemType.CONFLICT,
                        "The request refers to, or is referred to by, another resource.",
                        uri.getPath());
            // 22021 and 22P05: text or jsonb Postgres cannot hold (a NUL) that came by a path no check covers.
            case "23514", "22001", "22P02", "22007", "22008", "22021", "22P05" ->
                ProblemResponses.of(ProblemType.INVALID_INPUT, "A value is out of range or malformed.", uri.getPath());
            default -> ProblemResponses.internal(failure, uri.getPath());
        };
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable failure, UriInfo uri) {
        return ProblemResponses.internal(failure, uri.getPath());
    }

    private static String fieldName(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        int lastDot = path.lastIndexOf('.');
        return lastDot >= 0 ? path.substring(lastDot + 1) : path;
    }
}
