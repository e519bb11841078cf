package io.atc.core.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.junit.jupiter.api.Test;

/**
 * A service's list and export examples land beside the schema SmallRye derived: JSON parsed into a value,
 * JSON Lines kept as text, and an operation without the 200 body it names fails the build rather than
 * being left without its example.
 */
class ResponseExamplesTests {

    private static final class Examples extends ResponseExamples {
        Examples() {
            super(
                    Example.ofJson("listThings", "page", "{\"items\":[{\"id\":1}],\"next\":null}"),
                    Example.ofText("exportThings", "application/jsonl", "lines", "{\"a\":1}\n{\"a\":2}\n"));
        }
    }

    private static Operation answering(String operationId, String mediaType) {
        return OASFactory.createOperation()
                .operationId(operationId)
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse(
                                "200",
                                OASFactory.createAPIResponse()
                                        .content(OASFactory.createContent()
                                                .addMediaType(mediaType, OASFactory.createMediaType()))));
    }

    @Test
    void aJsonExampleIsAddedAsAValue() {
        Operation list = new Examples().filterOperation(answering("listThings", "application/json"));

        Object value = list.getResponses()
                .getAPIResponse("200")
                .getContent()
                .getMediaType("application/json")
                .getExamples()
                .get("page")
                .getValue();
        assertThat(value).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) value).keySet()).map(String::valueOf).contains("items");
    }

    @Test
    void aJsonLinesExampleStaysText() {
        Operation export = new Examples().filterOperation(answering("exportThings", "application/jsonl"));

        assertThat(export.getResponses()
                        .getAPIResponse("200")
                        .getContent()
                        .getMediaType("application/jsonl")
                        .getExamples()
                        .get("lines")
                        .getValue())
                .isEqualTo("{\"a\":1}\n{\"a\":2}\n");
    }

    @Test
    void anOperationWithoutTheNamedBodyFailsTheBuild() {
        assertThatThrownBy(() -> new Examples().filterOperation(answering("listThings", "text/plain")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("listThings");
    }

    @Test
    void otherOperationsAreLeftAlone() {
        Operation other = answering("getThing", "application/json");

        assertThat(new Examples()
                        .filterOperation(other)
                        .getResponses()
                        .getAPIResponse("200")
                        .getContent()
                        .getMediaType("application/json")
                        .getExamples())
                .isNullOrEmpty();
    }
}
