package io.atc.core.text;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.atc.core.errors.JsonFieldPath;
import io.atc.core.errors.ProblemException;
import io.atc.core.errors.ProblemResponses;

/**
 * A JSON string Postgres could not store: 422 naming the field, like any other invalid value of a
 * field. More specific than the problem mappers' mistyped-JSON answer, so it wins for this failure.
 */
public class UnstorableTextMapper {

    @ServerExceptionMapper
    public Response unstorableText(UnstorableTextException failure, UriInfo uri) {
        return ProblemResponses.of(
                ProblemException.invalid(JsonFieldPath.of(failure), PostgresText.RULE), uri.getPath());
    }
}
