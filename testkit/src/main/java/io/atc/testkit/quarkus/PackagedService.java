package io.atc.testkit.quarkus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.atc.devservices.process.PackagedJvm;

/**
 * A service's packaged jar ({@code target/quarkus-app/quarkus-run.jar}) running as a child process
 * on a free port, its management interface (health, metrics) on another, its output in a log file: for tests that must kill a service the hard way, and
 * for benchmarks that measure it as it ships.
 */
public final class PackagedService implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final Process process;
    private final int port;
    private final int managementPort;
    private final Path log;

    private PackagedService(Process process, int port, int managementPort, Path log) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
    }

    /**
     * @param jar          the service's quarkus-run.jar
     * @param portVariable the variable that sets its HTTP port, e.g. ATC_EDGE_PORT; its management port is
     *                     set by the same name with _MANAGEMENT_PORT, e.g. ATC_EDGE_MANAGEMENT_PORT
     * @param javaOptions  JVM options, e.g. -Xmx256m
     */
    public static PackagedService start(
            Path jar, String portVariable, Map<String, String> environment, List<String> javaOptions) {
        List<String> command = PackagedJvm.command(jar, javaOptions, "package the service first");
        try {
            int port = freePort();
            int managementPort = freePort();
            Path log = Files.createTempFile("atc-service-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            builder.environment().put(portVariable, String.valueOf(port));
            builder.environment().put(managementPortVariable(portVariable), String.valueOf(managementPort));
            builder.environment().putIfAbsent("ATC_LOG_JSON", "false");
            return new PackagedService(builder.start(), port, managementPort, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + jar, e);
        }
    }

    /** ATC_EDGE_PORT: ATC_EDGE_MANAGEMENT_PORT (docs/configuration.md, "Ports"). */
    public static String managementPortVariable(String portVariable) {
        if (!portVariable.endsWith("_PORT")) {
            throw new IllegalArgumentException(portVariable + " is not an ATC_<SERVICE>_PORT variable");
        }
        return portVariable.substring(0, portVariable.length() - "PORT".length()) + "MANAGEMENT_PORT";
    }

    /** Waits for /q/health/ready to answer 200; fails early, with the log's tail, if the process exits. */
    public PackagedService awaitReady(Duration timeout) throws InterruptedException {
        PackagedJvm.awaitReady(process, managementUrl(), timeout, "the service", () -> ":\n" + logTail(40));
        return this;
    }

    /** The body of GET {@code path} on the API port. */
    public String get(String path) throws IOException, InterruptedException {
        return body(url() + path);
    }

    /** The body of GET {@code path} on the management interface (e.g. /q/metrics). */
    public String getManagement(String path) throws IOException, InterruptedException {
        return body(managementUrl() + path);
    }

    private static String body(String uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri))
                .timeout(Duration.ofSeconds(5))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye to the broker or the database. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** SIGTERM, then SIGKILL after 15 s; deletes the log. */
    @Override
    public void close() {
        PackagedJvm.stop(process);
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // a temp file; the OS cleans it eventually
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
