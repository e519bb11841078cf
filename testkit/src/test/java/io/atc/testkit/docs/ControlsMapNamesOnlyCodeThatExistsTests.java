package io.atc.testkit.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An auditor walks docs/compliance.md and docs/security-model.md from a control to its code and its test: every
 * class those pages name in backticks ({@code Name} or {@code Name.member}) is declared somewhere in the tree, and
 * every member it names appears in that class's source. A renamed test or class breaks the build, not the map.
 */
class ControlsMapNamesOnlyCodeThatExistsTests {

    private static final Path ROOT = Path.of("..");
    private static final Pattern NAMED_CODE =
            Pattern.compile("`([A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*)(?:\\.([A-Za-z_][A-Za-z0-9_]*))?`");
    private static final Pattern SUPERCLASS = Pattern.compile("\\bextends\\s+([A-Z][A-Za-z0-9]*)");
    /** Words these pages put in backticks that are not code: HTTP header names. */
    private static final Set<String> NOT_CODE = Set.of(
            "Accept",
            "Authorization",
            "Connection",
            "Date",
            "Expect",
            "Forwarded",
            "Host",
            "Origin",
            "Range",
            "Trailer",
            "Upgrade",
            "Vary",
            "Via");

    private static final Pattern DECLARATION =
            Pattern.compile("\\b(?:class|interface|enum|record|@interface)\\s+([A-Z][A-Za-z0-9]*)");

    @ParameterizedTest
    @ValueSource(strings = {"docs/compliance.md", "docs/security-model.md"})
    void everyNamedClassAndMemberExists(String page) throws IOException {
        Map<String, List<String>> sources = declaredTypes();
        String markdown = Files.readString(ROOT.resolve(page));
        List<String> missing = new ArrayList<>();
        Matcher named = NAMED_CODE.matcher(markdown);
        int checked = 0;
        while (named.find()) {
            checked++;
            String type = named.group(1);
            String member = named.group(2);
            if (NOT_CODE.contains(type)) {
                continue;
            }
            if (!sources.containsKey(type)) {
                missing.add(type);
            } else if (member != null && !declaresOrInherits(sources, type, member)) {
                missing.add(type + "." + member);
            }
        }
        assertThat(checked).as("names checked in %s", page).isGreaterThan(20);
        assertThat(missing).as("names in %s that no source declares", page).isEmpty();
    }

    private static boolean declaresOrInherits(Map<String, List<String>> sources, String type, String member) {
        for (String source : sources.getOrDefault(type, List.of())) {
            if (source.contains(member)) {
                return true;
            }
            Matcher parent = SUPERCLASS.matcher(source);
            if (parent.find()
                    && !parent.group(1).equals(type)
                    && declaresOrInherits(sources, parent.group(1), member)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, List<String>> declaredTypes() throws IOException {
        Map<String, List<String>> byType = new HashMap<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            files.filter(ControlsMapNamesOnlyCodeThatExistsTests::isSource).forEach(file -> {
                String source = read(file);
                Matcher declared = DECLARATION.matcher(source);
                while (declared.find()) {
                    byType.computeIfAbsent(declared.group(1), k -> new ArrayList<>())
                            .add(source);
                }
            });
        }
        return byType;
    }

    private static boolean isSource(Path file) {
        String path = file.toString();
        return path.endsWith(".java") && !path.contains("/target/") && !path.contains("/.git/");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
