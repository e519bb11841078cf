package io.atc.audit.events;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The two response examples an annotation cannot give, added when the document is built. The list answers
 * {@code Page<AuditEventView>}, which no class literal names: content for its 200 response in an annotation would replace the
 * schema SmallRye derives from the method, so the example is added beside that schema here. The export's
 * JSON Lines must stay text: SmallRye would read an annotation's value as JSON and keep its first line only.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class AuditEventResponseExamples implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        if ("listAuditEvents".equals(operation.getOperationId())) {
            success(operation, jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
                    .addExample("page", OASFactory.createExample().value(json(AuditEventExamples.PAGE)));
        } else if ("exportAuditEvents".equals(operation.getOperationId())) {
            success(operation, AuditEventResource.JSON_LINES)
                    .addExample("two-events", OASFactory.createExample().value(AuditEventExamples.EXPORT));
        }
        return operation;
    }

    private static MediaType success(Operation operation, String mediaType) {
        MediaType content =
                operation.getResponses().getAPIResponse("200").getContent().getMediaType(mediaType);
        if (content == null) {
            throw new IllegalStateException(operation.getOperationId() + " has no 200 " + mediaType + " response");
        }
        return content;
    }

    private static Object json(String example) {
        try {
            return new ObjectMapper().readValue(example, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException("an example that is not JSON", e);
        }
    }
}
