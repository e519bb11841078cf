package io.atc.keys.apikeys;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The list's response example, added when the document is built. The list answers {@code Page<ApiKeyView>},
 * which no class literal names: content for its 200 response in an annotation would replace the schema SmallRye
 * derives from the method, so the example is added beside that schema here.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ApiKeyPageExample implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        if ("listApiKeys".equals(operation.getOperationId())) {
            operation
                    .getResponses()
                    .getAPIResponse("200")
                    .getContent()
                    .getMediaType(MediaType.APPLICATION_JSON)
                    .addExample("page", OASFactory.createExample().value(json(ApiKeyExamples.PAGE)));
        }
        return operation;
    }

    private static Object json(String example) {
        try {
            return new ObjectMapper().readValue(example, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException("an example that is not JSON", e);
        }
    }
}
