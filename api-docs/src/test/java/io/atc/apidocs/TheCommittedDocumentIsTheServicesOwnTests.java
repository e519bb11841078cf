package io.atc.apidocs;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * docs/api/openapi.json and .yaml are exactly the merge of the documents the services built from
 * their own annotations: the committed (and served) document cannot drift from the code.
 * Breaks when: a service's annotations change and the document is not rewritten, or someone edits
 * docs/api by hand.
 */
class TheCommittedDocumentIsTheServicesOwnTests {

    private final Path root = TestPaths.repositoryRoot();
    private final PublicApiDocument merged =
            PublicApiDocument.merge(ServiceDocuments.read(root), TestPaths.projectVersion());

    @Test
    void theJsonIsTheMerge() throws IOException {
        sameText("openapi.json", merged.json());
    }

    @Test
    void theYamlIsTheMerge() throws IOException {
        sameText("openapi.yaml", merged.yaml());
    }

    private void sameText(String file, String expected) throws IOException {
        Path committed = ApiDocs.committedDirectory(root).resolve(file);
        String actual = Files.isRegularFile(committed) ? Files.readString(committed, StandardCharsets.UTF_8) : "";
        String difference = FirstDifference.between(expected, actual);
        if (difference != null) {
            fail("docs/api/" + file + " is not the merge of the services' documents; " + difference
                    + ". Rewrite it with: " + ApiDocs.REWRITE_COMMAND);
        }
    }
}
