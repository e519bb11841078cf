package io.atc.core.openapi;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

import io.atc.core.errors.ProblemType;

/**
 * {@link io.atc.core.errors.Problem} as a component schema, with the documented types
 * ({@link ProblemType}, docs/errors.md) listed in its {@code type}'s description.
 */
final class ProblemSchema {

    static final String NAME = "Problem";
    static final String FIELD_ERROR = "FieldError";
    static final String REF = "#/components/schemas/" + NAME;

    private ProblemSchema() {}

    static void defineIn(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(OASFactory.createComponents());
        }
        openApi.getComponents().addSchema(FIELD_ERROR, fieldError()).addSchema(NAME, problem());
    }

    private static Schema problem() {
        String types = Arrays.stream(ProblemType.values())
                .map(type -> "`" + type.uri() + "` (" + type.status() + ")")
                .collect(Collectors.joining(", "));
        return OASFactory.createSchema()
                .addType(SchemaType.OBJECT)
                .description("An RFC 9457 problem details body (docs/errors.md). Branch on `type`, not on `detail`.")
                .required(List.of("type", "title", "status"))
                .addProperty("type", string().format("uri").description("Stable problem type: one of " + types + "."))
                .addProperty("title", string().description("Short summary of the type."))
                .addProperty(
                        "status",
                        OASFactory.createSchema()
                                .addType(SchemaType.INTEGER)
                                .format("int32")
                                .description("The HTTP status code."))
                .addProperty(
                        "detail", string().description("What went wrong for this request, for humans; never a secret."))
                .addProperty(
                        "instance",
                        string().format("uri-reference")
                                .description("The request path, or `urn:atc:incident:<id>` for a 500."))
                .addProperty(
                        "errors",
                        OASFactory.createSchema()
                                .addType(SchemaType.ARRAY)
                                .description("Each rejected input field (422, some 400s).")
                                .items(OASFactory.createSchema().ref(FIELD_ERROR)))
                .examples(List.of(example(ProblemType.INVALID_INPUT, "name: must not be blank", "/v1/sites")));
    }

    private static Schema fieldError() {
        return OASFactory.createSchema()
                .addType(SchemaType.OBJECT)
                .description("One rejected input field, named the way the client sent it.")
                .required(List.of("field", "message"))
                .addProperty("field", string().description("JSON property, query or path parameter: `scopes[1]`."))
                .addProperty("message", string().description("Why the value was rejected."));
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(SchemaType.STRING);
    }

    /** An example body of this type, as the services write it (insertion-ordered: the document is stable). */
    static Map<String, Object> example(ProblemType type, String detail, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.uri());
        body.put("title", type.title());
        body.put("status", type.status());
        body.put("detail", detail);
        body.put("instance", type == ProblemType.INTERNAL ? "urn:atc:incident:4f2c9a1e" : instance);
        if (type == ProblemType.INVALID_INPUT) {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("field", "name");
            field.put("message", "must not be blank");
            body.put("errors", List.of(field));
        }
        return body;
    }
}
