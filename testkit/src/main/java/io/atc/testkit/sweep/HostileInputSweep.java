package io.atc.testkit.sweep;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Sends every operation the running service declares in its OpenAPI document the {@link HostileText}
 * values: in each text field of its JSON body (a valid-looking body built from the schema, one field
 * replaced at a time), and in each path, query, header and cookie parameter. New endpoints are swept
 * without new test code. The caller supplies a token every endpoint accepts, ids of existing
 * resources for path parameters (others get random UUIDs: a 404 is fine, a 5xx is not) and the
 * headers some endpoints need to get as far as their input.
 */
public final class HostileInputSweep {

    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]+)}");

    private final String token;
    private final Map<String, String> pathValues = new HashMap<>();
    private final Map<String, String> headerValues = new HashMap<>();

    private HostileInputSweep(String token) {
        this.token = token;
    }

    /** @param token an internal token every endpoint accepts ({@code InternalTokens.withEveryPermission}) */
    public static HostileInputSweep as(String token) {
        return new HostileInputSweep(token);
    }

    public HostileInputSweep pathParameter(String name, Object existingId) {
        pathValues.put(name, existingId.toString());
        return this;
    }

    public HostileInputSweep header(String name, String value) {
        headerValues.put(name, value);
        return this;
    }

    public SweepReport run() {
        OpenApiDocument document = OpenApiDocument.ofRunningService();
        SampleBodies samples = new SampleBodies(document);
        SweepReport report = new SweepReport();
        for (ApiOperation operation : document.operations()) {
            JsonNode valid = operation.jsonBody().map(samples::sample).orElse(null);
            operation.jsonBody().ifPresent(schema -> sweepBody(operation, schema, valid, samples, report));
            sweepParameters(operation, valid, report);
        }
        return report;
    }

    private void sweepBody(
            ApiOperation operation, JsonNode schema, JsonNode valid, SampleBodies samples, SweepReport report) {
        report.operationWithBody(operation);
        String path = fill(operation, Map.of());
        report.expectNoServerError(
                operation + " with a valid-looking body", send(given(), operation, path, headerValues, valid), true);
        for (FieldPath field : samples.textFields(schema)) {
            report.textField(operation, field);
            for (HostileText hostile : HostileText.values()) {
                String what = operation + " with " + hostile + " in " + field;
                Response answer = send(
                        given(), operation, path, headerValues, SampleBodies.withText(valid, field, hostile.text()));
                if (hostile.postgresCannotStore()) {
                    report.expectRefusalNaming(what, answer, field.toString());
                } else {
                    report.expectNoServerError(what, answer, true);
                }
            }
        }
    }

    /** @param valid the body sent with each, or null for an operation without one */
    private void sweepParameters(ApiOperation operation, JsonNode valid, SweepReport report) {
        for (ApiOperation.Parameter parameter : operation.parameters()) {
            report.parameter(operation, parameter);
            boolean inUrl = parameter.in().equals("path") || parameter.in().equals("query");
            for (HostileText hostile : HostileText.values()) {
                String what = operation + " with " + hostile + " in " + parameter.in() + " " + parameter.name();
                Response answer;
                try {
                    answer = sendWith(parameter, hostile, operation, valid);
                } catch (Exception e) {
                    if (!inUrl && hostile == HostileText.VERY_LONG && closedWhileSending(e)) {
                        // The HTTP codec refuses a header over its limit and may close the connection before the
                        // client has finished writing it: refused before any service code ran, as a 431 is.
                        report.refusedByTheHttpCodec();
                        continue;
                    }
                    throw e;
                }
                if (inUrl && hostile.nulOnceDecoded()) {
                    report.expectRefusalNaming(what, answer, parameter.name());
                } else {
                    // A header the HTTP codec refuses is answered before any service code runs: not problem+json.
                    report.expectNoServerError(what, answer, inUrl);
                }
            }
        }
    }

    private static boolean closedWhileSending(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.SocketException) {
                return true;
            }
        }
        return false;
    }

    /** The operation with {@code hostile} in {@code parameter}: percent-encoded in a URL, as it is in a header or cookie. */
    private Response sendWith(
            ApiOperation.Parameter parameter, HostileText hostile, ApiOperation operation, JsonNode body) {
        RequestSpecification request = given();
        String path = fill(operation, Map.of());
        Map<String, String> headers = new HashMap<>(headerValues);
        switch (parameter.in()) {
            case "path" -> path = fill(operation, Map.of(parameter.name(), hostile.percentEncoded()));
            case "query" -> path += "?" + parameter.name() + "=" + hostile.percentEncoded();
            case "header" -> headers.put(parameter.name(), hostile.text());
            case "cookie" -> request.cookie(parameter.name(), hostile.text());
            default -> throw new IllegalStateException("OpenAPI has no parameters in " + parameter.in());
        }
        return send(request, operation, path, headers, body);
    }

    private Response send(
            RequestSpecification request,
            ApiOperation operation,
            String path,
            Map<String, String> headers,
            JsonNode body) {
        request.urlEncodingEnabled(false).auth().oauth2(token).headers(headers);
        if (body != null) {
            request.contentType("application/json").body(AsciiJson.write(body));
        }
        return request.request(operation.method(), path);
    }

    /** The path with each {name} replaced: a value given here, else an existing id, else a made-up one. */
    private String fill(ApiOperation operation, Map<String, String> values) {
        Matcher parameter = TEMPLATE.matcher(operation.path());
        StringBuilder path = new StringBuilder();
        while (parameter.find()) {
            String name = parameter.group(1);
            String value = values.getOrDefault(name, pathValues.getOrDefault(name, madeUp(operation, name)));
            parameter.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        return parameter.appendTail(path).toString();
    }

    private static String madeUp(ApiOperation operation, String name) {
        boolean numeric = operation.parameters().stream()
                .anyMatch(declared -> declared.name().equals(name)
                        && declared.schema().path("type").asText().matches("integer|number"));
        return numeric ? "1" : UUID.randomUUID().toString();
    }
}
