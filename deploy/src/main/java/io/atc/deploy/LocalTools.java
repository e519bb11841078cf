package io.atc.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Command-line tools the deployment's checks run (kubectl, openssl), found on the PATH. */
public final class LocalTools {

    private LocalTools() {}

    public static Optional<Path> find(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether every tool is on the PATH, for a check to skip itself when one is not. Where
     * ATC_REQUIRE_LOCAL_TOOLS=true (.ci/run sets it) a missing tool is an error instead: CI runs every check.
     */
    public static boolean present(String... tools) {
        for (String tool : tools) {
            if (find(tool).isEmpty()) {
                if ("true".equals(System.getenv("ATC_REQUIRE_LOCAL_TOOLS"))) {
                    throw new IllegalStateException(tool + " is not on the PATH, and ATC_REQUIRE_LOCAL_TOOLS=true");
                }
                return false;
            }
        }
        return true;
    }

    /** What a command prints on standard output (its errors go to ours); fails unless it exits 0 within a minute. */
    public static String output(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
        return output;
    }
}
