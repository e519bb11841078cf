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
     * Fails, naming what to install, unless every tool is on the PATH. The chart's checks never skip
     * themselves: a machine without the tool fails them, as CI would (.ci/run installs what is missing).
     */
    public static void require(String... tools) {
        for (String tool : tools) {
            if (find(tool).isEmpty()) {
                throw new IllegalStateException(tool + " is not on the PATH: this check needs it (Debian: apt-get"
                        + " install " + ("kubectl".equals(tool) ? "kubectl" : tool) + "; docs/testing.md, \"The chart's"
                        + " checks and their tools\")");
            }
        }
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
