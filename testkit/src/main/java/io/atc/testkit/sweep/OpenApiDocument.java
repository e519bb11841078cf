package io.atc.testkit.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.atc.testkit.http.ManagementInterface;

/** The OpenAPI document a running service publishes at /q/openapi on its management interface, with its $refs followed on demand. */
final class OpenApiDocument {

    private static final List<String> METHODS = List.of("get", "put", "post", "patch", "delete");
    /** The extension platform-core's ScopeDocumentation writes on each operation a scope gates. */
    static final String SCOPE = "x-atc-scope";

    private final JsonNode root;

    private OpenApiDocument(JsonNode root) {
        this.root = root;
    }

    static OpenApiDocument ofRunningService() {
        byte[] document = ManagementInterface.given()
                .queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        try {
            return new OpenApiDocument(new ObjectMapper().readTree(document));
        } catch (IOException e) {
            throw new UncheckedIOException("the service's OpenAPI document is not JSON", e);
        }
    }

    /** The document as parsed, for checks that read more of it than {@link #operations()} gives. */
    JsonNode root() {
        return root;
    }

    List<ApiOperation> operations() {
        List<ApiOperation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    operations.add(new ApiOperation(
                            method,
                            path.getKey(),
                            parameters(path.getValue(), operation),
                            jsonBody(operation),
                            Optional.ofNullable(operation.path(SCOPE).textValue())));
                }
            }
        }
        return operations;
    }

    /** The schema or parameter a {@code $ref} points to (followed until it is not one), or the node itself. */
    JsonNode resolve(JsonNode node) {
        JsonNode resolved = node;
        for (int hops = 0; resolved.has("$ref"); hops++) {
            String ref = resolved.get("$ref").asText();
            if (!ref.startsWith("#") || hops > 20) {
                throw new IllegalStateException("cannot follow $ref " + ref);
            }
            resolved = root.at(ref.substring(1));
            if (resolved.isMissingNode()) {
                throw new IllegalStateException("the OpenAPI document has no " + ref);
            }
        }
        return resolved;
    }

    private List<ApiOperation.Parameter> parameters(JsonNode pathItem, JsonNode operation) {
        List<ApiOperation.Parameter> parameters = new ArrayList<>();
        for (JsonNode declared : List.of(pathItem.path("parameters"), operation.path("parameters"))) {
            for (JsonNode parameter : declared) {
                JsonNode resolved = resolve(parameter);
                parameters.add(new ApiOperation.Parameter(
                        resolved.path("name").asText(), resolved.path("in").asText(), resolved.path("schema")));
            }
        }
        return parameters;
    }

    private Optional<JsonNode> jsonBody(JsonNode operation) {
        JsonNode body = operation.get("requestBody");
        if (body == null) {
            return Optional.empty();
        }
        JsonNode schema = resolve(body).path("content").path("application/json").get("schema");
        return Optional.ofNullable(schema);
    }
}
