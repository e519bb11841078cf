package io.atc.testkit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The docs-equality check fails for an undocumented property and for a documented name no mapping reads. */
class DocumentedConfigurationTests {

    @ConfigMapping(prefix = "atc.sample")
    interface SampleConfig {

        @WithDefault("5s")
        Duration commandTimeout();

        Optional<String> secret();

        Batch batch();

        Map<String, Upstream> upstreams();

        interface Batch {
            @WithName("max-size")
            int largest();
        }

        interface Upstream {
            String url();
        }

        default boolean derived() {
            return true;
        }
    }

    private static final List<String> COMPLETE = List.of(
            "| variable | default | meaning |",
            "|---|---|---|",
            "| `ATC_SAMPLE_COMMAND_TIMEOUT` | `5s` | a timeout; see `ATC_SAMPLE_SECRET` |",
            "| `ATC_SAMPLE_SECRET` | none | a secret |",
            "| `ATC_SAMPLE_BATCH_MAX_SIZE` | 1 | the batch |",
            "| `ATC_SAMPLE_UPSTREAMS_<NAME>_URL` | none | where each upstream is |",
            "| `ATC_OTHER_THING` | none | another area's |");

    @TempDir
    Path dir;

    @Test
    void docsListingEveryPropertyAndNothingElsePass() throws IOException {
        DocumentedConfiguration.of(docs(COMPLETE)).mappings(SampleConfig.class).assertDocumentsExactly("ATC_SAMPLE_");
    }

    @Test
    void aMapKeyMayBeDocumentedByName() throws IOException {
        List<String> lines =
                COMPLETE.stream().map(line -> line.replace("<NAME>", "KEYS")).toList();
        assertThat(DocumentedConfiguration.of(docs(lines))
                        .mappings(SampleConfig.class)
                        .differences("ATC_SAMPLE_"))
                .isEmpty();
    }

    @Test
    void anUndocumentedPropertyFails() throws IOException {
        List<String> lines = COMPLETE.stream()
                .filter(line -> !line.startsWith("| `ATC_SAMPLE_SECRET`"))
                .toList();
        DocumentedConfiguration check = DocumentedConfiguration.of(docs(lines)).mappings(SampleConfig.class);
        assertThat(check.differences("ATC_SAMPLE_"))
                .containsExactly("ATC_SAMPLE_SECRET is read by a config mapping but not listed in configuration.md");
        assertThatThrownBy(() -> check.assertDocumentsExactly("ATC_SAMPLE_")).isInstanceOf(AssertionError.class);
    }

    @Test
    void aDocumentedNameNoMappingReadsFails() throws IOException {
        List<String> lines = new ArrayList<>(COMPLETE);
        lines.add("| `ATC_SAMPLE_RETIRED_SETTING` | 1 | nobody reads this |");
        DocumentedConfiguration check = DocumentedConfiguration.of(docs(lines)).mappings(SampleConfig.class);
        assertThat(check.differences("ATC_SAMPLE_"))
                .containsExactly(
                        "ATC_SAMPLE_RETIRED_SETTING is listed in configuration.md but no config mapping reads it");
        assertThat(check.exempt("ATC_SAMPLE_RETIRED_SETTING", "read by a script")
                        .differences("ATC_SAMPLE_"))
                .isEmpty();
    }

    @Test
    void aCombinedRowMustBeSplit() throws IOException {
        List<String> lines = new ArrayList<>(COMPLETE);
        lines.add("| `ATC_SAMPLE_COMMAND_TIMEOUT` / `_SECRET` | 1 | combined |");
        assertThat(DocumentedConfiguration.of(docs(lines))
                        .mappings(SampleConfig.class)
                        .differences("ATC_SAMPLE_"))
                .containsExactly("_SECRET is not a full name: give each variable its own row");
    }

    private Path docs(List<String> lines) throws IOException {
        return Files.write(dir.resolve("configuration.md"), lines);
    }
}
