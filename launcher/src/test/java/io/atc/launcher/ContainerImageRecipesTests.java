package io.atc.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The container image recipes ({@code <module>/src/main/docker/Dockerfile.jvm}) read as
 * text, since no Docker engine runs the build: one per image the chart references, each running the JVM
 * directly as a non-root numeric user from a pinned base, copying exactly what {@code mvn package} lays
 * out in its module. Breaks when: a recipe goes missing, runs as root or a named user (Kubernetes'
 * runAsNonRoot cannot check a name), starts through a shell, floats on a base tag, or copies a path the
 * build does not produce.
 */
class ContainerImageRecipesTests {

    private static final Path REPO = repositoryRoot();
    private static final List<String> FAST_JAR = List.of(
            "target/quarkus-app/lib/",
            "target/quarkus-app/quarkus-run.jar",
            "target/quarkus-app/app/",
            "target/quarkus-app/quarkus/");

    /** An image the chart references (atc/<name>) and the module it is built from. */
    record Image(String name, String module) {

        Path dockerfile() {
            return REPO.resolve(module).resolve("src/main/docker/Dockerfile.jvm");
        }

        boolean quarkusApp() {
            return !module.equals("schema");
        }

        Recipe recipe() {
            return Recipe.parse(dockerfile());
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Image> images() {
        Stream<Image> services = PlatformService.ALL.stream().map(service -> new Image(service.name(), service.name()));
        return Stream.concat(services, Stream.of(new Image("migrator", "schema")));
    }

    @ParameterizedTest
    @MethodSource("images")
    void eachImageHasARecipeTitledWithItsName(Image image) throws IOException {
        assertThat(image.dockerfile()).isRegularFile();
        assertThat(image.recipe().all("LABEL")).anySatisfy(label -> assertThat(label)
                .contains("org.opencontainers.image.title=\"" + image.name() + "\""));
        assertThat(Files.readString(image.dockerfile()))
                .as("the build command in the header")
                .contains("mvn -B package -DskipTests -pl " + image.module() + " -am && docker build -f "
                        + image.module() + "/src/main/docker/Dockerfile.jvm -t atc/" + image.name() + " "
                        + image.module());
    }

    @ParameterizedTest
    @MethodSource("images")
    void runsAsANumericUserOtherThanRoot(Image image) {
        List<String> users = image.recipe().all("USER");
        assertThat(users).isNotEmpty();
        String user = users.get(users.size() - 1);
        assertThat(user).matches("\\d+(:\\d+)?");
        assertThat(Integer.parseInt(user.split(":")[0])).isNotZero();
    }

    @ParameterizedTest
    @MethodSource("images")
    void theEntrypointExecsTheJvmWithoutAShell(Image image) throws IOException {
        Recipe recipe = image.recipe();
        List<String> entrypoints = recipe.all("ENTRYPOINT");
        assertThat(entrypoints).hasSize(1);
        assertThat(entrypoints.get(0)).as("exec form").startsWith("[");
        List<String> argv = Arrays.asList(new ObjectMapper().readValue(entrypoints.get(0), String[].class));
        assertThat(argv.get(0)).isEqualTo("java");
        assertThat(recipe.all("CMD")).isEmpty();
        assertThat(recipe.all("SHELL")).isEmpty();
        if (image.quarkusApp()) {
            assertThat(argv).containsSequence("-jar", "/deployments/quarkus-run.jar");
        } else {
            assertThat(argv)
                    .containsSequence("-cp", "/deployments/app/*:/deployments/lib/*")
                    .endsWith("io.atc.schema.MigrateMain");
        }
    }

    @ParameterizedTest
    @MethodSource("images")
    void theBaseImageIsPinned(Image image) {
        List<String> bases = image.recipe().all("FROM");
        assertThat(bases).hasSize(1);
        String base = bases.get(0);
        assertThat(base).doesNotContain(" AS ", " as ");
        boolean digest = base.matches("[^@\\s]+@sha256:[0-9a-f]{64}");
        String afterRepository = base.substring(base.lastIndexOf('/') + 1);
        boolean tag = afterRepository.matches("[^:]+:[\\w][\\w.-]*") && !afterRepository.endsWith(":latest");
        assertThat(digest || tag)
                .as(base + " names a tag other than latest, or a digest")
                .isTrue();
    }

    @ParameterizedTest
    @MethodSource("images")
    void copiesTheLayoutItsModulePackages(Image image) throws IOException {
        List<String> sources = image.recipe().copySources();
        if (image.quarkusApp()) {
            // The whole fast-jar: quarkus-run.jar starts nothing without quarkus/ and lib/boot/.
            assertThat(sources).containsExactlyInAnyOrderElementsOf(FAST_JAR);
            assertThat(image.recipe().all("COPY"))
                    .contains("target/quarkus-app/app/ /deployments/app/", "target/quarkus-app/lib/ /deployments/lib/");
        } else {
            assertThat(sources).containsExactlyInAnyOrder("target/lib/", "target/schema-*.jar");
            String pom = Files.readString(REPO.resolve(image.module()).resolve("pom.xml"));
            assertThat(pom)
                    .contains("<goal>copy-dependencies</goal>")
                    .contains("<outputDirectory>${project.build.directory}/lib</outputDirectory>");
        }
    }

    @ParameterizedTest
    @MethodSource("images")
    void theDockerignoreLetsEveryCopiedPathThrough(Image image) throws IOException {
        List<String> reincluded = Files.readAllLines(
                        REPO.resolve(image.module()).resolve(".dockerignore"))
                .stream()
                .filter(line -> line.startsWith("!"))
                .map(line -> line.substring(1))
                .toList();
        for (String source : image.recipe().copySources()) {
            assertThat(reincluded).as(source).anySatisfy(pattern -> assertThat(
                            source.equals(pattern) || source.startsWith(pattern.replaceAll("/?\\*$", "/")))
                    .isTrue());
        }
    }

    @ParameterizedTest
    @MethodSource("images")
    void exposesTheDocumentedApiAndManagementPorts(Image image) {
        List<String> exposed = image.recipe().all("EXPOSE").stream()
                .flatMap(line -> Arrays.stream(line.split("\\s+")))
                .toList();
        PlatformService service = PlatformService.ALL.stream()
                .filter(candidate -> candidate.name().equals(image.module()))
                .findFirst()
                .orElse(null);
        if (service == null) {
            assertThat(exposed).as("the migrator listens on nothing").isEmpty();
        } else {
            assertThat(exposed)
                    .containsExactly(
                            String.valueOf(service.port(Map.of())), String.valueOf(service.managementPort(Map.of())));
        }
    }

    /**
     * What the recipe copies is there once the module is packaged. The README's `mvn -B verify` packages
     * every module before the launcher's tests run; a launcher-only run must package them first (as its
     * platform tests must), and is told so rather than skipping the check.
     */
    @ParameterizedTest
    @MethodSource("images")
    void whatItCopiesExistsOnceTheModuleIsPackaged(Image image) throws IOException {
        Path module = REPO.resolve(image.module());
        Path packaged = module.resolve(image.quarkusApp() ? "target/quarkus-app/quarkus-run.jar" : "target/lib");
        assertThat(packaged)
                .as(
                        "%s is not packaged: run `mvn -B package -DskipTests -pl %s -am` first",
                        image.module(), image.module())
                .exists();
        for (String source : image.recipe().copySources()) {
            var matcher =
                    FileSystems.getDefault().getPathMatcher("glob:" + module.resolve(source.replaceAll("/$", "")));
            try (Stream<Path> candidates = Files.list(module.resolve(source).getParent())) {
                List<Path> matches = candidates.filter(matcher::matches).toList();
                assertThat(matches).as(source).hasSize(1);
                if (source.endsWith("/")) {
                    assertThat(matches.get(0)).isDirectoryContaining(path -> true);
                }
            }
        }
    }

    /** The instructions of a Dockerfile: continuation lines joined, comments and blank lines dropped. */
    record Recipe(List<String[]> instructions) {

        static Recipe parse(Path dockerfile) {
            List<String[]> instructions = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            try {
                for (String line : Files.readAllLines(dockerfile)) {
                    String trimmed = line.strip();
                    if (current.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                        continue;
                    }
                    if (trimmed.endsWith("\\")) {
                        current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                        continue;
                    }
                    current.append(trimmed);
                    String[] keywordAndArguments = current.toString().split("\\s+", 2);
                    instructions.add(new String[] {
                        keywordAndArguments[0].toUpperCase(),
                        keywordAndArguments.length > 1 ? keywordAndArguments[1].strip() : ""
                    });
                    current.setLength(0);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Recipe(instructions);
        }

        List<String> all(String keyword) {
            return instructions.stream()
                    .filter(instruction -> instruction[0].equals(keyword))
                    .map(instruction -> instruction[1])
                    .toList();
        }

        /** The build-context paths of every COPY (one source each; no --from, whose sources are not ours). */
        List<String> copySources() {
            return all("COPY").stream()
                    .map(arguments -> {
                        assertThat(arguments).doesNotContain("--from");
                        String[] parts = arguments.split("\\s+");
                        assertThat(parts).as("COPY <source> <destination>").hasSize(2);
                        return parts[0];
                    })
                    .toList();
        }
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("launcher"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "the repository root is not above " + Path.of("").toAbsolutePath());
    }
}
