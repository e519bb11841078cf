package io.atc.testkit.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts a service's packaged jar ({@code target/quarkus-app/quarkus-run.jar}, so run from failsafe)
 * with the given environment and asserts that it refuses to start the way operators are promised:
 * it exits by itself with the refusal exit code, logs exactly one ERROR line that carries every
 * given reason, and prints no stack trace and no password it was given.
 */
public final class PackagedServiceRefusal {

    /** io.atc.core.startup.StartupRefusal.EXIT_CODE (EX_CONFIG), which the testkit does not depend on. */
    public static final int EXIT_CODE = 78;

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private PackagedServiceRefusal() {}

    /** @param environment values to set; a null value removes the variable */
    public static void assertRefused(Map<String, String> environment, String... reasons) throws Exception {
        List<String> output = run(environment);
        List<String> errors =
                output.stream().filter(line -> line.contains(" ERROR ")).toList();
        assertThat(errors).as("error lines in %s", output).hasSize(1);
        assertThat(errors.get(0)).contains("ATC-STARTUP-").contains(reasons);
        assertThat(output)
                .as("no stack trace")
                .noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by"));
        environment.forEach((name, value) -> {
            if (name.endsWith("PASSWORD") && value != null && value.length() >= 8) {
                assertThat(output).as("%s is never printed", name).noneMatch(line -> line.contains(value));
            }
        });
    }

    private static List<String> run(Map<String, String> environment) throws IOException, InterruptedException {
        Path log = Files.createTempFile("atc-refusal", ".log");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        Process process = builder.start();
        try {
            assertThat(process.waitFor(40, TimeUnit.SECONDS))
                    .as("service exits on its own")
                    .isTrue();
            assertThat(process.exitValue()).isEqualTo(EXIT_CODE);
            return Files.readAllLines(log);
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }
}
