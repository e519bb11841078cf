package io.atc.client;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.atc.client.invoker.ApiClient;
import io.atc.client.invoker.ApiException;
import io.atc.client.model.FieldError;
import io.atc.client.model.Problem;

/**
 * An error answer of the platform, typed: its RFC 9457 problem (stable {@link #type()}, the status, a
 * human {@link #detail()}, the rejected fields) and, for 429 and 503, when to retry. Branch on
 * {@code type}, never on the text of {@code detail} (docs/errors.md lists the types).
 */
public final class ProblemException extends RuntimeException {

    private static final ObjectMapper JSON = ApiClient.createDefaultObjectMapper();
    private static final URI UNREADABLE = URI.create("about:blank");

    private final transient Problem problem;
    private final transient Optional<Duration> retryAfter;

    private ProblemException(Problem problem, Optional<Duration> retryAfter, ApiException cause) {
        super(problem.getStatus() + " " + problem.getType() + ": " + problem.getDetail(), cause);
        this.problem = problem;
        this.retryAfter = retryAfter;
    }

    /**
     * The problem an {@link ApiException} carries; one whose body is not a problem (a proxy's HTML page,
     * a cut connection) becomes {@code about:blank} with the status it had.
     */
    public static ProblemException of(ApiException failure) {
        Problem problem = parse(failure.getResponseBody()).orElseGet(() -> new Problem()
                .type(UNREADABLE)
                .title("Unreadable error answer")
                .status(failure.getCode())
                .detail(failure.getCode() == 0 ? failure.getMessage() : "HTTP " + failure.getCode()));
        Optional<Duration> retryAfter = failure.getResponseHeaders() == null
                ? Optional.empty()
                : failure.getResponseHeaders().firstValue("Retry-After").flatMap(ProblemException::seconds);
        return new ProblemException(problem, retryAfter, failure);
    }

    public Problem problem() {
        return problem;
    }

    /** The stable problem type, e.g. {@code urn:atc:problem:not-found}. */
    public URI type() {
        return problem.getType();
    }

    public int status() {
        return problem.getStatus();
    }

    public String detail() {
        return problem.getDetail();
    }

    /** The rejected fields of a 422 (empty otherwise), named the way the request wrote them. */
    public List<FieldError> fieldErrors() {
        return problem.getErrors() == null ? List.of() : problem.getErrors();
    }

    /** When the platform asks to be called again (429 rate-limited, 503 unavailable). */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    private static Optional<Problem> parse(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            Problem problem = JSON.readValue(body, Problem.class);
            return problem.getType() == null || problem.getStatus() == null ? Optional.empty() : Optional.of(problem);
        } catch (IOException | RuntimeException notAProblem) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> seconds(String header) {
        try {
            long seconds = Long.parseLong(header.trim());
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            return Optional.empty();
        }
    }
}
