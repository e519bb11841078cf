package io.atc.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The chart's README lists every value of values.yaml with its default and a description, and nothing else. */
class ChartReadmeListsEveryValueTests {

    /** Free-form maps: one row each, not one per entry. */
    private static final Set<String> WHOLE = Set.of(
            "namespaceSelector",
            "podSelector",
            "annotations",
            "podAnnotations",
            "labels",
            "nodeSelector",
            "affinity",
            "issuerRef",
            "resources");

    private static final Pattern ROW = Pattern.compile("(?m)^\\| `([^`]+)` \\| `(.*)` \\| (.*) \\|$");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyValueHasARowWithItsDefaultAndADescription() throws Exception {
        Path chart = Renderings.CHART.directory();
        JsonNode values = new ObjectMapper(new YAMLFactory())
                .readTree(chart.resolve("values.yaml").toFile());
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        flatten("", values, leaves);

        Map<String, JsonNode> documented = new LinkedHashMap<>();
        Matcher row = ROW.matcher(Files.readString(chart.resolve("README.md")));
        while (row.find()) {
            assertThat(row.group(3)).as("description of " + row.group(1)).isNotBlank();
            documented.put(row.group(1), JSON.readTree(row.group(2).replace("\\|", "|")));
        }

        assertThat(documented.keySet()).containsExactlyElementsOf(leaves.keySet());
        leaves.forEach((path, value) ->
                assertThat(documented.get(path)).as("README default of " + path).isEqualTo(value));
    }

    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> leaves) {
        String name = prefix.contains(".") ? prefix.substring(prefix.lastIndexOf('.') + 1) : prefix;
        if (node.isObject() && !node.isEmpty() && !WHOLE.contains(name)) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), leaves);
            }
        } else {
            leaves.put(prefix, node);
        }
    }
}
