package io.atc.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One running service: a child JVM on the service's packaged jar, its output prefixed with its name. */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final PlatformService service;
    private final int port;
    private final Process process;

    private ServiceProcess(PlatformService service, int port, Process process) {
        this.service = service;
        this.port = port;
        this.process = process;
    }

    static ServiceProcess start(Path home, PlatformService service, int port, Map<String, String> environment,
            PrintStream out) throws IOException {
        Path jar = home.resolve(service.name()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (mvn -B install -DskipTests)");
        }
        ProcessBuilder builder = new ProcessBuilder().redirectErrorStream(true);
        builder.environment().putAll(environment);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions(builder.environment()));
        command.addAll(List.of("-jar", jar.toString()));
        builder.command(command);
        builder.environment().put(service.portVariable(), String.valueOf(port));
        Process process = builder.start();
        Thread pump = new Thread(() -> prefixLines(process, service.name(), out), service.name() + "-output");
        pump.setDaemon(true);
        pump.start();
        return new ServiceProcess(service, port, process);
    }

    /**
     * JVM options of every service: ATC_JAVA_OPTS, or, for a quick local start, the C1 compiler only
     * and a small heap (fine for trying the platform, wrong for measuring it: benchmarks set their own).
     */
    static List<String> javaOptions(Map<String, String> environment) {
        String configured = environment.getOrDefault("ATC_JAVA_OPTS", "").strip();
        return configured.isEmpty() ? DEFAULT_JAVA_OPTIONS : List.of(configured.split("\\s+"));
    }

    static final List<String> DEFAULT_JAVA_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-Xmx256m");

    /** Waits for /q/health/ready to answer UP; fails early if the service exits. */
    void awaitReady(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.name() + " exited with code " + process.exitValue());
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(service.name() + " was not ready within " + timeout.toSeconds() + " s");
    }

    PlatformService service() {
        return service;
    }

    String url() {
        return "http://localhost:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void prefixLines(Process process, String name, PrintStream out) {
        String prefix = String.format("%-17s | ", name);
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                out.println(prefix + line);
            }
        } catch (IOException ended) {
            // the process is gone; nothing left to copy
        }
    }
}
