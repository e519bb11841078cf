package io.atc.retention;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.atc.retention.holds.HoldExamples;
import io.atc.retention.runs.RunExamples;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The lists' response examples, added when the document is built. A list answers {@code Page<Hold>} or
 * {@code Page<Run>}, which no class literal names: declaring its 200 content in an annotation would drop the
 * schema SmallRye derives from the method, so the example is added beside that schema here.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class PageResponseExamples implements OASFilter {

    private static final Map<String, String> BY_OPERATION_ID =
            Map.of("listRetentionHolds", HoldExamples.PAGE, "listRetentionRuns", RunExamples.PAGE);

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Operation filterOperation(Operation operation) {
        String example = BY_OPERATION_ID.get(operation.getOperationId());
        if (example != null) {
            Content content = operation.getResponses().getAPIResponse("200").getContent();
            content.getMediaType(MediaType.APPLICATION_JSON)
                    .addExample("page", OASFactory.createExample().value(json(example)));
        }
        return operation;
    }

    private static Object json(String example) {
        try {
            return JSON.readValue(example, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException("a page example that is not JSON", e);
        }
    }
}
