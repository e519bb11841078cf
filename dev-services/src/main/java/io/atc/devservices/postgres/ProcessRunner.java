package io.atc.devservices.postgres;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a short-lived command, sending its combined output to a file that error messages quote. */
final class ProcessRunner {

    private ProcessRunner() {}

    /** Runs the command and fails with the tail of its output unless it exits with 0. */
    static void run(String what, List<String> command, Path workDir, Path outputFile, Duration timeout) {
        int exitCode = exitCodeOf(what, command, workDir, outputFile, timeout);
        if (exitCode != 0) {
            throw new IllegalStateException(what + " failed (exit code " + exitCode + "); " + LogTail.of(outputFile));
        }
    }

    /** Runs the command and returns its exit code; fails only if it cannot be started or times out. */
    static int exitCodeOf(String what, List<String> command, Path workDir, Path outputFile, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                // A file rather than a pipe: nothing to drain, and no hang if a daemonized child kept the pipe open.
                .redirectOutput(ProcessBuilder.Redirect.appendTo(outputFile.toFile()));
        sanitize(builder.environment());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException(
                    what + " could not be started (" + String.join(" ", command) + "): " + e.getMessage(), e);
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException(
                        what + " did not finish within " + timeout.toSeconds() + " s; " + LogTail.of(outputFile));
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " was interrupted", e);
        }
    }

    /** Inherited PG* variables (PGDATA, PGPORT, ...) must not redirect the tools to another cluster. */
    private static void sanitize(Map<String, String> env) {
        env.keySet().removeIf(name -> name.startsWith("PG"));
        env.put("LC_ALL", "C");
        env.put("LANG", "C");
    }
}
