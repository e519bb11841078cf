package io.atc.testkit.sweep;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One operation of a service's OpenAPI document, its parameters, the schema of its JSON body and the scope it
 * requires ({@code x-atc-scope}), if any.
 */
record ApiOperation(
        String method, String path, List<Parameter> parameters, Optional<JsonNode> jsonBody, Optional<String> scope) {

    /** A declared parameter: {@code in} is path, query, header or cookie. */
    record Parameter(String name, String in, JsonNode schema) {}

    @Override
    public String toString() {
        return method.toUpperCase() + " " + path;
    }
}
