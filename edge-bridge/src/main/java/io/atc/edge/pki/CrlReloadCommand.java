package io.atc.edge.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What makes the broker read a new CRL file: Mosquitto 2.0 reads its crlfile at start and on SIGHUP
 * only, so a deployment names the command that sends it (e.g. {@code kill -HUP <pid>}). Run without
 * a shell, on a worker thread.
 */
final class CrlReloadCommand {

    private static final long TIMEOUT_SECONDS = 10;
    private static final int MAX_OUTPUT_CHARS = 500;

    private final Optional<List<String>> command;

    CrlReloadCommand(Optional<String> configured) {
        this.command = configured
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .map(value -> List.of(value.split("\\s+")));
    }

    boolean configured() {
        return command.isPresent();
    }

    /** Runs the command; fails when it cannot start, times out, or exits non-zero. */
    void run() {
        if (command.isEmpty()) {
            return;
        }
        Process process;
        try {
            process =
                    new ProcessBuilder(command.get()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot run the CRL reload command " + command.get().get(0) + ": " + e.getMessage());
        }
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        "the CRL reload command did not finish within " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                throw new IllegalStateException("the CRL reload command exited with " + process.exitValue() + ": "
                        + (output.length() > MAX_OUTPUT_CHARS ? output.substring(0, MAX_OUTPUT_CHARS) : output));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running the CRL reload command");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the CRL reload command's output: " + e.getMessage());
        }
    }
}
