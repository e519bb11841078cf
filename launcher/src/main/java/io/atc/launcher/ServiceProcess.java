package io.atc.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.atc.devservices.process.PackagedJvm;

/** One running service: a child JVM on the service's packaged jar, its output prefixed with its name. */
final class ServiceProcess implements AutoCloseable {

    private final PlatformService service;
    private final int port;
    private final Process process;

    private ServiceProcess(PlatformService service, int port, Process process) {
        this.service = service;
        this.port = port;
        this.process = process;
    }

    static ServiceProcess start(
            Path home, PlatformService service, int port, Map<String, String> environment, PrintStream out)
            throws IOException {
        Path jar = home.resolve(service.name()).resolve("target/quarkus-app/quarkus-run.jar");
        ProcessBuilder builder = new ProcessBuilder().redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.command(PackagedJvm.command(
                jar, javaOptions(builder.environment()), "build first (mvn -B install -DskipTests)"));
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
        PackagedJvm.awaitReady(process, url(), timeout, service.name(), () -> "");
    }

    PlatformService service() {
        return service;
    }

    String url() {
        return "http://localhost:" + port;
    }

    @Override
    public void close() {
        PackagedJvm.stop(process);
    }

    private static void prefixLines(Process process, String name, PrintStream out) {
        String prefix = String.format("%-17s | ", name);
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                out.println(prefix + line);
            }
        } catch (IOException ended) {
            // the process is gone; nothing left to copy
        }
    }
}
