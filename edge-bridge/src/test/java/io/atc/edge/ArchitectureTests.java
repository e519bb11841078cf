package io.atc.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.atc.testkit.architecture.ArchitectureRules;
import io.atc.testkit.architecture.ModuleArchitectureTests;

/** The structural rules of this module (docs/architecture.md); ArchitectureRules holds their wording. */
class ArchitectureTests extends ModuleArchitectureTests {

    ArchitectureTests() {
        super("io.atc.edge");
    }

    @Test
    void everyResourceMethodDeclaresItsScope() {
        ArchitectureRules.everyResourceMethodDeclaresItsScope().check(classes);
    }

    /**
     * Only {@code topics.DeviceTopic} spells the device topic format: no other production source
     * holds {@code atc/} in a topic. OpenAPI examples that show the format with placeholders
     * ({@code atc/<tenant>/...}) are documentation, not topics, and are let through.
     */
    @Test
    void onlyDeviceTopicSpellsTheTopicFormat() throws IOException {
        Path sources = Path.of("src/main/java");
        Path home = sources.resolve("io/atc/edge/topics/DeviceTopic.java");
        Pattern topicText = Pattern.compile("(?<![\\w.-])(?<!io/)atc/(?!<)");
        try (Stream<Path> files = Files.walk(sources)) {
            List<String> offenders = files.filter(file -> file.toString().endsWith(".java") && !file.equals(home))
                    .flatMap(file -> lines(file)
                            .filter(line -> topicText.matcher(line).find())
                            .map(line -> sources.relativize(file) + ": " + line.strip()))
                    .toList();
            assertThat(offenders).as("device topics spelt outside DeviceTopic").isEmpty();
        }
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
