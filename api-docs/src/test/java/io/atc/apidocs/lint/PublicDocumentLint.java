package io.atc.apidocs.lint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * The rules the public document keeps, each a named check that reports every operation or schema
 * breaking it ({@link #findings}); an empty result is a clean document.
 */
public final class PublicDocumentLint {

    public static final List<String> TAGS =
            List.of("keys", "tenants", "console", "audit", "sites", "devices", "events", "retention");
    public static final Set<String> SCHEMES = Set.of("apiKeyBearer", "apiKeyHeader", "operatorToken", "consoleSession");

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch");
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final String SCHEMA_REF = "#/components/schemas/";

    /** A rule of the document and what breaks it. */
    public enum Check {
        VALID_OPENAPI_3_1,
        UNIQUE_OPERATION_IDS,
        ONE_KNOWN_TAG,
        SUMMARY,
        SCOPE_IN_DESCRIPTION,
        EXAMPLES,
        ERRORS_ARE_PROBLEMS,
        KNOWN_SECURITY_SCHEMES,
        OPERATOR_TOKEN_ONLY_ON_TENANTS,
        NO_INTERNAL_PATHS,
        NO_UNUSED_SCHEMAS,
        REFS_RESOLVE
    }

    private final String text;
    private final JsonNode document;

    public PublicDocumentLint(String jsonText) {
        this.text = jsonText;
        try {
            this.document = new ObjectMapper().readTree(jsonText);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What breaks each check, by check; checks with nothing to report are absent. */
    public Map<Check, List<String>> findings() {
        Map<Check, List<String>> findings = new HashMap<>();
        for (Check check : Check.values()) {
            List<String> found = run(check);
            if (!found.isEmpty()) {
                findings.put(check, found);
            }
        }
        return findings;
    }

    public List<String> run(Check check) {
        List<String> found = new ArrayList<>();
        switch (check) {
            case VALID_OPENAPI_3_1 -> validOpenApi31(found);
            case UNIQUE_OPERATION_IDS -> uniqueOperationIds(found);
            case ONE_KNOWN_TAG ->
                eachOperation((where, operation) -> {
                    JsonNode tags = operation.path("tags");
                    if (tags.size() != 1 || !TAGS.contains(tags.path(0).asText())) {
                        found.add(where + " has tags " + tags + ", not exactly one of " + TAGS);
                    }
                });
            case SUMMARY ->
                eachOperation((where, operation) -> {
                    if (operation.path("summary").asText("").isBlank()) {
                        found.add(where + " has no summary");
                    }
                });
            case SCOPE_IN_DESCRIPTION ->
                eachOperation((where, operation) -> {
                    String scope = operation.path("x-atc-scope").asText("");
                    if (!scope.isEmpty()
                            && !operation.path("description").asText("").contains("`" + scope + "`")) {
                        found.add(where + " does not name its scope " + scope + " in its description");
                    }
                });
            case EXAMPLES -> examples(found);
            case ERRORS_ARE_PROBLEMS -> errorsAreProblems(found);
            case KNOWN_SECURITY_SCHEMES -> security(found, false);
            case OPERATOR_TOKEN_ONLY_ON_TENANTS -> security(found, true);
            case NO_INTERNAL_PATHS ->
                document.path("paths").fieldNames().forEachRemaining(path -> {
                    if (path.startsWith("/internal") || path.startsWith("/q/") || path.equals("/q")) {
                        found.add(path + " is not public");
                    }
                });
            case NO_UNUSED_SCHEMAS -> noUnusedSchemas(found);
            case REFS_RESOLVE -> refsResolve(document, found);
        }
        return found;
    }

    private void validOpenApi31(List<String> found) {
        if (!document.path("openapi").asText("").startsWith("3.1.")) {
            found.add("openapi is " + document.path("openapi") + ", not 3.1.x");
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult result = new OpenAPIParser().readContents(text, null, options);
        if (result.getOpenAPI() == null) {
            found.add("not an OpenAPI document");
        }
        if (result.getMessages() != null) {
            found.addAll(result.getMessages());
        }
    }

    private void uniqueOperationIds(List<String> found) {
        Map<String, String> seen = new HashMap<>();
        eachOperation((where, operation) -> {
            String id = operation.path("operationId").asText("");
            if (id.isBlank()) {
                found.add(where + " has no operationId");
            } else if (seen.putIfAbsent(id, where) != null) {
                found.add(where + " repeats operationId " + id + " of " + seen.get(id));
            }
        });
    }

    private void examples(List<String> found) {
        eachOperation((where, operation) -> {
            JsonNode body = operation.path("requestBody").path("content").path("application/json");
            if (!body.isMissingNode() && !hasExample(body)) {
                found.add(where + " request body has no example");
            }
            operation.path("responses").fields().forEachRemaining(response -> {
                JsonNode json = response.getValue().path("content").path("application/json");
                if (response.getKey().startsWith("2") && !json.isMissingNode() && !hasExample(json)) {
                    found.add(where + " response " + response.getKey() + " has no example");
                }
            });
        });
    }

    private boolean hasExample(JsonNode mediaType) {
        if (mediaType.has("example") || mediaType.path("examples").size() > 0) {
            return true;
        }
        JsonNode schema = mediaType.path("schema");
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith(SCHEMA_REF)) {
            schema = document.path("components").path("schemas").path(ref.substring(SCHEMA_REF.length()));
        }
        return schema.has("example") || schema.path("examples").size() > 0;
    }

    private void errorsAreProblems(List<String> found) {
        eachOperation((where, operation) -> operation.path("responses").fields().forEachRemaining(response -> {
            String status = response.getKey();
            if (status.startsWith("4") || status.startsWith("5")) {
                JsonNode content = response.getValue().path("content");
                if (content.size() != 1
                        || !PROBLEM_REF.equals(content.path("application/problem+json")
                                .path("schema")
                                .path("$ref")
                                .asText())) {
                    found.add(where + " " + status + " is not application/problem+json with " + PROBLEM_REF);
                }
            }
        }));
    }

    private void security(List<String> found, boolean operatorPlacement) {
        List<JsonNode> requirements = new ArrayList<>();
        document.path("security").forEach(requirements::add);
        requirements.forEach(
                requirement -> checkRequirement("the document", "", requirement, found, operatorPlacement));
        eachOperation((where, operation) -> operation
                .path("security")
                .forEach(requirement -> checkRequirement(
                        where, where.substring(where.indexOf(' ') + 1), requirement, found, operatorPlacement)));
        if (!operatorPlacement) {
            document.path("components").path("securitySchemes").fieldNames().forEachRemaining(name -> {
                if (!SCHEMES.contains(name)) {
                    found.add("security scheme " + name + " is not one of " + SCHEMES);
                }
            });
        }
    }

    private static void checkRequirement(
            String where, String path, JsonNode requirement, List<String> found, boolean operatorPlacement) {
        requirement.fieldNames().forEachRemaining(scheme -> {
            if (!operatorPlacement && !SCHEMES.contains(scheme)) {
                found.add(where + " uses security scheme " + scheme);
            }
            if (operatorPlacement && scheme.equals("operatorToken") && !path.equals("/v1/tenants")) {
                found.add(where + " accepts the operator token outside /v1/tenants");
            }
        });
    }

    private void noUnusedSchemas(List<String> found) {
        Set<String> referenced = new HashSet<>();
        collectRefs(document.path("paths"), referenced);
        collectRefs(document.path("components").path("schemas"), referenced);
        document.path("components").path("schemas").fieldNames().forEachRemaining(name -> {
            if (!referenced.contains(SCHEMA_REF + name)) {
                found.add("schema " + name + " is not used");
            }
        });
    }

    private void refsResolve(JsonNode node, List<String> found) {
        Set<String> refs = new HashSet<>();
        collectRefs(node, refs);
        refs.stream().sorted().forEach(ref -> {
            if (!ref.startsWith("#/") || document.at(ref.substring(1)).isMissingNode()) {
                found.add(ref + " does not resolve");
            }
        });
    }

    private static void collectRefs(JsonNode node, Set<String> refs) {
        JsonNode ref = node.get("$ref");
        if (ref != null && ref.isTextual()) {
            refs.add(ref.asText());
        }
        node.elements().forEachRemaining(child -> collectRefs(child, refs));
    }

    private void eachOperation(BiConsumer<String, JsonNode> check) {
        document.path("paths").fields().forEachRemaining(path -> {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    check.accept(method.toUpperCase() + " " + path.getKey(), operation);
                }
            }
        });
    }
}
