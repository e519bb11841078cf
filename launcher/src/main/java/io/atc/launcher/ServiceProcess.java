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

/**
 * One running service: a child JVM on the service's packaged jar, its output prefixed with its name,
 * its API on {@code port} and its management interface (health, metrics, OpenAPI) on {@code managementPort}.
 */
final class ServiceProcess implements AutoCloseable {

    private final PlatformService service;
    private final int port;
    private final String managementHost;
    private final int managementPort;
    private final Process process;
    private final Thread output;

    private ServiceProcess(
            PlatformService service,
            int port,
            String managementHost,
            int managementPort,
            Process process,
            Thread output) {
        this.service = service;
        this.port = port;
        this.managementHost = managementHost;
        this.managementPort = managementPort;
        this.process = process;
        this.output = output;
    }

    static ServiceProcess start(
            Path home,
            PlatformService service,
            int port,
            int managementPort,
            Map<String, String> environment,
            PrintStream out)
            throws IOException {
        Path jar = home.resolve(service.name()).resolve("target/quarkus-app/quarkus-run.jar");
        ProcessBuilder builder = new ProcessBuilder().redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.command(PackagedJvm.command(
                jar, javaOptions(builder.environment()), "build first (mvn -B install -DskipTests)"));
        builder.environment().put(service.portVariable(), String.valueOf(port));
        builder.environment().put(service.managementPortVariable(), String.valueOf(managementPort));
        Process process = builder.start();
        Thread pump = new Thread(() -> prefixLines(process, service.name(), out), service.name() + "-output");
        pump.setDaemon(true);
        pump.start();
        return new ServiceProcess(
                service,
                port,
                reachable(builder.environment().get("ATC_MANAGEMENT_HOST")),
                managementPort,
                process,
                pump);
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

    /** Waits for /q/health/ready on the management interface to answer UP; fails early if the service exits. */
    void awaitReady(Duration timeout) throws InterruptedException {
        // A service that exits while starting says why in its last lines: print them before the launcher gives up.
        PackagedJvm.awaitReady(process, managementUrl(), timeout, service.name(), this::drainOutput);
    }

    private String drainOutput() {
        try {
            output.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "";
    }

    PlatformService service() {
        return service;
    }

    String url() {
        return "http://localhost:" + port;
    }

    String managementUrl() {
        return "http://" + managementHost + ":" + managementPort;
    }

    /** Where to reach a listener bound to {@code host} (ATC_MANAGEMENT_HOST; loopback when unset or a wildcard). */
    static String reachable(String host) {
        if (host == null || host.isBlank() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            return "127.0.0.1";
        }
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
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
