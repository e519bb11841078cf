package io.atc.core.openapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Success examples an annotation cannot give, added when a service's document is built. A list answers
 * {@code Page<T>}, which no class literal names: content for its 200 response in an annotation would
 * replace the schema SmallRye derives from the method, so its example is added beside that schema here;
 * JSON Lines must stay text (SmallRye reads an annotation's value as JSON and keeps the first line). Each
 * service subclasses this once, as a BUILD-stage {@code @OpenApiFilter} listing its examples, and names
 * {@code implements OASFilter} itself: Quarkus finds filters by the interfaces a class declares.
 */
public abstract class ResponseExamples implements OASFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One named example of an operation's 200 body in one media type; {@code json}: parse the text first. */
    public record Example(String operationId, String mediaType, String name, String value, boolean json) {

        public static Example ofJson(String operationId, String name, String value) {
            return new Example(operationId, jakarta.ws.rs.core.MediaType.APPLICATION_JSON, name, value, true);
        }

        public static Example ofText(String operationId, String mediaType, String name, String value) {
            return new Example(operationId, mediaType, name, value, false);
        }
    }

    private final List<Example> examples;

    protected ResponseExamples(Example... examples) {
        this.examples = List.of(examples);
    }

    @Override
    public Operation filterOperation(Operation operation) {
        for (Example example : examples) {
            if (example.operationId().equals(operation.getOperationId())) {
                success(operation, example.mediaType())
                        .addExample(
                                example.name(),
                                OASFactory.createExample()
                                        .value(example.json() ? json(example.value()) : example.value()));
            }
        }
        return operation;
    }

    private static MediaType success(Operation operation, String mediaType) {
        MediaType content = operation.getResponses() == null
                        || operation.getResponses().getAPIResponse("200") == null
                        || operation.getResponses().getAPIResponse("200").getContent() == null
                ? null
                : operation.getResponses().getAPIResponse("200").getContent().getMediaType(mediaType);
        if (content == null) {
            throw new IllegalStateException(operation.getOperationId() + " has no 200 " + mediaType + " response");
        }
        return content;
    }

    private static Object json(String example) {
        try {
            return JSON.readValue(example, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException("an example that is not JSON", e);
        }
    }
}
