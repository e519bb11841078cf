package io.atc.devservices.process;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Stopping the child processes the harness and the launcher start (brokers, service JVMs). */
public final class ChildProcesses {

    private ChildProcesses() {}

    /** SIGTERM, so the process shuts down cleanly; SIGKILL if it has not ended within {@code grace}. */
    public static void stop(Process process, Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
