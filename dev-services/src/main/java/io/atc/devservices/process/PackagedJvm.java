package io.atc.devservices.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A service's packaged jar ({@code target/quarkus-app/quarkus-run.jar}) as a child JVM: how it is
 * started, how its readiness is awaited and how it is stopped. Shared by the launcher ({@code ./run})
 * and the tests and benchmarks that run services as they ship.
 */
public final class PackagedJvm {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private PackagedJvm() {}

    /** {@code java <options> -jar <jar>} with this JVM's own java; fails when the jar has not been built. */
    public static List<String> command(Path jar, List<String> javaOptions, String buildHint) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: " + buildHint);
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        return command;
    }

    /**
     * Waits for {@code managementUrl}/q/health/ready to answer 200; fails early if the process exits.
     * @param managementUrl the service's management interface ({@code ATC_<SERVICE>_MANAGEMENT_PORT}), where /q lives
     * @param name what the failure messages call the service
     * @param details appended to a failure (a log tail), or empty
     */
    public static void awaitReady(
            Process process, String managementUrl, Duration timeout, String name, Supplier<String> details)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(managementUrl + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .build();
        while (System.nanoTime() - deadline < 0) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + details.get());
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s" + details.get());
    }

    /** SIGTERM (a clean shutdown), then SIGKILL after 15 s. */
    public static void stop(Process process) {
        ChildProcesses.stop(process, Duration.ofSeconds(15));
    }
}
