package io.atc.testkit.sweep;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import io.atc.testkit.identity.InternalTokens;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Calls every operation the running service's OpenAPI document says a scope gates ({@code x-atc-scope})
 * with a token of the tenant that holds every other scope the document names, but not that one: each
 * must be a 403 forbidden problem naming the scope it lacks, answered before the endpoint reads its input
 * (path parameters are made up, a body is an empty JSON object). New endpoints are swept without new test code.
 */
public final class ScopeSweep {

    private final UUID tenant;

    private ScopeSweep(UUID tenant) {
        this.tenant = tenant;
    }

    public static ScopeSweep forTenant(UUID tenant) {
        return new ScopeSweep(tenant);
    }

    /** @param atLeast how many gated operations the document must have, so an empty or unread document cannot pass */
    public void assertEveryGatedOperationRefusesACallerWithoutItsScope(int atLeast) {
        List<ApiOperation> gated = OpenApiDocument.ofRunningService().operations().stream()
                .filter(operation -> operation.scope().isPresent())
                .toList();
        TreeSet<String> scopes = new TreeSet<>(
                gated.stream().map(operation -> operation.scope().orElseThrow()).toList());
        List<String> failures = new ArrayList<>();
        for (ApiOperation operation : gated) {
            String scope = operation.scope().orElseThrow();
            // admin holds every scope, so a caller "without" a scope never holds it either.
            String[] others = scopes.stream()
                    .filter(other -> !other.equals(scope) && !other.equals("admin"))
                    .toArray(String[]::new);
            RequestSpecification request = given().auth().oauth2(InternalTokens.forTenant(tenant, others));
            if (operation.jsonBody().isPresent()) {
                request.contentType("application/json").body("{}");
            }
            Response answer = request.request(operation.method(), madeUpPath(operation));
            refusal(answer, scope)
                    .ifPresent(why -> failures.add(operation + " without " + scope + ": " + why + " ("
                            + answer.statusCode() + " " + answer.asString() + ")"));
        }
        System.out.printf("scope sweep: %d gated operations, scopes %s%n", gated.size(), scopes);
        assertThat(gated)
                .as("operations the OpenAPI document says a scope gates")
                .hasSizeGreaterThanOrEqualTo(atLeast);
        assertThat(failures)
                .as("gated operations that did not refuse a caller without their scope")
                .isEmpty();
    }

    private static Optional<String> refusal(Response answer, String scope) {
        if (answer.statusCode() != 403) {
            return Optional.of("not a 403");
        }
        if (!answer.contentType().startsWith("application/problem+json")
                || !"urn:atc:problem:forbidden".equals(answer.jsonPath().getString("type"))) {
            return Optional.of("not a forbidden problem+json");
        }
        String expected = "This key lacks the " + scope + " scope.";
        return expected.equals(answer.jsonPath().getString("detail"))
                ? Optional.empty()
                : Optional.of("the detail is not \"" + expected + "\"");
    }

    private static String madeUpPath(ApiOperation operation) {
        return operation.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }
}
