package io.atc.testkit.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.restassured.response.Response;

/** What a {@link HostileInputSweep} sent, and every answer that broke the promise. */
public final class SweepReport {

    private static final String PROBLEM_JSON = "application/problem+json";

    private final Set<String> operationsWithBodies = new TreeSet<>();
    private final Set<String> textFields = new TreeSet<>();
    private final Set<String> parameters = new TreeSet<>();
    private final List<String> failures = new ArrayList<>();
    private int requests;

    /**
     * Every answer was below 500, what Postgres cannot store was a 422 naming the field, and the
     * sweep reached at least this much of the service, so an empty or unreadable document cannot pass.
     */
    public void assertNothingReachedPostgresAsA500(int atLeastOperationsWithBodies, int atLeastTextFields) {
        System.out.printf(
                "hostile input sweep: %d requests, %d operations with JSON bodies, %d text fields, %d parameters%n",
                requests, operationsWithBodies.size(), textFields.size(), parameters.size());
        assertThat(operationsWithBodies)
                .as("operations with a JSON body the sweep reached")
                .hasSizeGreaterThanOrEqualTo(atLeastOperationsWithBodies);
        assertThat(textFields).as("text fields the sweep filled").hasSizeGreaterThanOrEqualTo(atLeastTextFields);
        assertThat(failures)
                .as("answers that broke the promise, of " + requests + " requests")
                .isEmpty();
    }

    void operationWithBody(ApiOperation operation) {
        operationsWithBodies.add(operation.toString());
    }

    void textField(ApiOperation operation, FieldPath field) {
        textFields.add(operation + " " + field);
    }

    void parameter(ApiOperation operation, ApiOperation.Parameter parameter) {
        parameters.add(operation + " " + parameter.in() + " " + parameter.name());
    }

    /** Any answer but a server error; an error is problem+json when {@code problemJson}. */
    /** A request whose oversized header the server's HTTP codec refused by closing the connection. */
    void refusedByTheHttpCodec() {
        requests++;
    }

    void expectNoServerError(String what, Response answer, boolean problemJson) {
        requests++;
        int status = answer.statusCode();
        if (status >= 500) {
            fail(what, answer, "a server error");
        } else if (problemJson && status >= 400 && !answer.contentType().startsWith(PROBLEM_JSON)) {
            fail(what, answer, "an error that is not problem+json");
        }
    }

    /** A 422 invalid-input problem+json naming {@code field} in its errors. */
    void expectRefusalNaming(String what, Response answer, String field) {
        requests++;
        int status = answer.statusCode();
        if (status != 422) {
            fail(what, answer, status >= 500 ? "a server error" : "not refused as invalid input");
        } else if (!answer.contentType().startsWith(PROBLEM_JSON)
                || !"urn:atc:problem:invalid-input".equals(answer.jsonPath().getString("type"))) {
            fail(what, answer, "not an invalid-input problem+json");
        } else if (!answer.jsonPath().getList("errors.field").contains(field)) {
            fail(what, answer, "the field " + field + " is not named");
        }
    }

    private void fail(String what, Response answer, String why) {
        String body = answer.asString();
        failures.add(what + ": " + why + " (" + answer.statusCode() + " "
                + (body.length() > 300 ? body.substring(0, 300) + "..." : body) + ")");
    }
}
