package io.atc.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A generated client takes an operation's parameters in the document's order, so the path's own ids
 * come first and in the path's order: {@code getDevice(siteId, deviceId)}, never SmallRye's
 * alphabetical {@code (deviceId, siteId)}. Query parameters keep their order after them.
 * Breaks when: the merger leaves the parameters as SmallRye sorted them.
 */
class PathParametersFollowThePathTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void pathIdsComeFirstInThePathsOrderThenTheQueryAsItWas() throws Exception {
        JsonNode parameters = JSON.readTree("""
                [{"name": "after", "in": "query"}, {"name": "deviceId", "in": "path"},
                 {"name": "limit", "in": "query"}, {"name": "siteId", "in": "path"}]
                """);

        JsonNode ordered = DocumentMerger.inPathOrder("/v1/sites/{siteId}/devices/{deviceId}", parameters);

        List<String> names = new ArrayList<>();
        ordered.forEach(parameter -> names.add(parameter.path("name").asText()));
        assertThat(names).containsExactly("siteId", "deviceId", "after", "limit");
    }

    @Test
    void theCommittedDocumentNamesEachPathsIdsInThePathsOrder() throws Exception {
        JsonNode paths = JSON.readTree(TestPaths.repositoryRoot()
                        .resolve("docs/api/openapi.json")
                        .toFile())
                .path("paths");
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            List<String> inPath = new ArrayList<>();
            operation.getValue().path("parameters").forEach(parameter -> {
                if ("path".equals(parameter.path("in").asText())) {
                    inPath.add(parameter.path("name").asText());
                }
            });
            int last = -1;
            for (String name : inPath) {
                int at = path.getKey().indexOf("{" + name + "}");
                assertThat(at)
                        .as("%s %s: %s", operation.getKey(), path.getKey(), inPath)
                        .isGreaterThan(last);
                last = at;
            }
        }));
    }
}
