package io.atc.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.atc.apidocs.lint.PublicDocumentLint;

/**
 * The committed docs/api/openapi.json keeps every rule of {@link PublicDocumentLint}: valid 3.1,
 * operation ids, tags, summaries, scopes, examples, problem+json errors, the four security schemes,
 * no internal path, no unused schema, resolvable references. That each check can fail is
 * {@link lint.EachLintCheckCatchesItsBreakTests}'s promise.
 * Breaks when: a service adds an operation without its operationId, tag, summary or examples, or an
 * error response without the Problem schema, and the document is rewritten.
 */
class ThePublicDocumentIsLintCleanTests {

    @Test
    void theCommittedDocumentKeepsEveryRule() throws IOException {
        Path committed = ApiDocs.committedDirectory(TestPaths.repositoryRoot()).resolve("openapi.json");
        assertThat(new PublicDocumentLint(Files.readString(committed)).findings())
                .as("lint findings of " + committed)
                .isEmpty();
    }
}
