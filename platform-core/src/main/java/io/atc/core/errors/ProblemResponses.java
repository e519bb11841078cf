package io.atc.core.errors;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

/** Builds problem+json responses; the single place that decides what an error looks like on the wire. */
public final class ProblemResponses {

    private static final Logger LOG = Logger.getLogger(ProblemResponses.class);

    private ProblemResponses() {}

    public static Response of(ProblemType type, String detail, String instance) {
        return of(type, detail, instance, List.of());
    }

    public static Response of(ProblemType type, String detail, String instance, List<Problem.FieldError> errors) {
        return build(new Problem(type.uri(), type.title(), type.status(), detail, instance, errors));
    }

    public static Response of(ProblemException problem, String instance) {
        return build(problem.toProblem(instance));
    }

    /** An unexpected failure: logged with an incident id the client can quote; the client learns nothing else. */
    public static Response internal(Throwable failure, String path) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(
                failure,
                "incident %s on %s: %s",
                incident,
                path,
                failure.getClass().getName());
        return build(new Problem(
                ProblemType.INTERNAL.uri(),
                ProblemType.INTERNAL.title(),
                500,
                "The request could not be completed; quote incident " + incident + " to support.",
                "urn:atc:incident:" + incident,
                List.of()));
    }

    private static Response build(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .header("Cache-Control", "no-store")
                .entity(problem)
                .build();
    }
}
