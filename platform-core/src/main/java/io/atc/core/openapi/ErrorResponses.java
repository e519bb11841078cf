package io.atc.core.openapi;

import java.math.BigDecimal;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import io.atc.core.errors.Problem;
import io.atc.core.errors.ProblemType;

/**
 * Every 4xx/5xx answer of an operation is {@code application/problem+json} with the shared
 * {@link ProblemSchema}, and every public operation lists the errors any request can meet
 * (malformed, unauthenticated, forbidden where a key's scope is checked, the
 * gateway's rate limit, internal), whatever its resource declared.
 */
final class ErrorResponses {

    private static final String RETRY_AFTER = "Retry-After";
    /** What SmallRye writes for the responses it adds itself: they say nothing, so ours replace them. */
    private static final Set<String> GENERIC_DESCRIPTIONS = Set.of("Bad Request", "Not Authorized", "Not Allowed");

    private ErrorResponses() {}

    /**
     * @param path the operation's path, the {@code instance} of its examples
     * @param forbiddenWhen when the operation answers 403, or null when it does not
     */
    static void complete(String path, Operation operation, String forbiddenWhen) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        addIfMissing(
                responses,
                400,
                "Malformed request: the body is not JSON or has a value of the wrong JSON type, a cursor this list"
                        + " did not hand out, or a request the gateway cannot read one way only.");
        addIfMissing(
                responses,
                401,
                "No valid credential: missing, unknown, revoked or expired (the same detail whatever the reason).");
        if (forbiddenWhen != null) {
            addIfMissing(responses, 403, forbiddenWhen);
        }
        addIfMissing(
                responses,
                429,
                "Too many requests: the gateway's rate limit for this key (or, without a key, for this client"
                        + " address). Retry after the seconds in Retry-After.");
        addIfMissing(responses, 500, "Unexpected failure; `instance` names the incident logged server-side.");
        responses.getAPIResponses().forEach((status, response) -> {
            int code = status(status);
            if (code >= 400) {
                asProblem(response, ProblemType.forStatus(code), path);
            }
        });
    }

    private static void addIfMissing(APIResponses responses, int status, String description) {
        APIResponse declared = responses.getAPIResponse(Integer.toString(status));
        if (declared == null) {
            responses.addAPIResponse(
                    Integer.toString(status), OASFactory.createAPIResponse().description(description));
        } else if (declared.getDescription() == null || GENERIC_DESCRIPTIONS.contains(declared.getDescription())) {
            declared.setDescription(description);
        }
    }

    private static void asProblem(APIResponse response, ProblemType type, String path) {
        String detail =
                response.getDescription() == null || response.getDescription().isBlank()
                        ? type.title() + "."
                        : response.getDescription();
        response.setContent(OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(ProblemSchema.REF))
                                .example(ProblemSchema.example(type, firstSentence(detail), path))));
        if (type == ProblemType.RATE_LIMITED || type == ProblemType.UNAVAILABLE) {
            if (response.getHeaders() == null || !response.getHeaders().containsKey(RETRY_AFTER)) {
                response.addHeader(
                        RETRY_AFTER,
                        OASFactory.createHeader()
                                .description("Seconds to wait before retrying.")
                                .schema(OASFactory.createSchema()
                                        .addType(SchemaType.INTEGER)
                                        .minimum(BigDecimal.ONE)));
            }
        }
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription(type.title());
        }
    }

    private static String firstSentence(String text) {
        int end = text.indexOf(": ");
        return end > 0 ? text.substring(0, end) + "." : text;
    }

    private static int status(String code) {
        try {
            return Integer.parseInt(code);
        } catch (NumberFormatException e) {
            return code.toUpperCase().startsWith("4") ? 400 : code.toUpperCase().startsWith("5") ? 500 : 0;
        }
    }
}
