package io.atc.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The run command started as a user would start it (a separate JVM), on free ports (API and management). */
final class LaunchedPlatform implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final Path log;
    private static final java.util.Random RANDOM = new java.security.SecureRandom();
    private static final java.util.Set<Integer> TAKEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Map<String, Integer> ports;
    private final Map<String, Integer> managementPorts;

    private LaunchedPlatform(
            Process process, Path log, Map<String, Integer> ports, Map<String, Integer> managementPorts) {
        this.process = process;
        this.log = log;
        this.ports = ports;
        this.managementPorts = managementPorts;
    }

    static LaunchedPlatform start(Map<String, String> environment) throws IOException {
        Map<String, Integer> ports = new LinkedHashMap<>();
        Map<String, Integer> managementPorts = new LinkedHashMap<>();
        for (PlatformService service : PlatformService.ALL) {
            ports.put(service.name(), freePort());
            managementPorts.put(service.name(), freePort());
        }
        Path log = Files.createTempFile("atc-run", ".log");
        String classpath = "target/launcher-0.1.0-SNAPSHOT.jar" + java.io.File.pathSeparator + "target/lib/*";
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                        "-Datc.home=..",
                        "-cp",
                        classpath,
                        AtcLauncher.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("ATC_"));
        builder.environment().putAll(environment);
        builder.environment().putIfAbsent("ATC_EDGE_BROKER_TLS_PORT", String.valueOf(freePort()));
        for (PlatformService service : PlatformService.ALL) {
            builder.environment().put(service.portVariable(), String.valueOf(ports.get(service.name())));
            builder.environment()
                    .put(service.managementPortVariable(), String.valueOf(managementPorts.get(service.name())));
        }
        return new LaunchedPlatform(builder.start(), log, ports, managementPorts);
    }

    /** Waits for the launcher's summary, which it prints once every service is ready. */
    void awaitUp(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (output().contains("ATC platform is up.")) {
                return;
            }
            assertThat(process.isAlive())
                    .as("launcher alive; output:%n%s", output())
                    .isTrue();
            Thread.sleep(500);
        }
        throw new AssertionError("platform not up within " + timeout + ":\n" + output());
    }

    /** The service's readiness, read on its management interface. */
    String readiness(String service) throws Exception {
        HttpResponse<String> response = fromManagement(service, "/q/health/ready");
        assertThat(response.statusCode()).as(service + " ready").isEqualTo(200);
        return response.body();
    }

    /** GET {@code path} on a service's management interface, e.g. its /q/metrics. */
    HttpResponse<String> fromManagement(String service, String path) throws Exception {
        return send("http://127.0.0.1:" + managementPorts.get(service) + path);
    }

    /** GET {@code path} on a service's own port (for the gateway: its public port). */
    HttpResponse<String> fromServicePort(String service, String path) throws Exception {
        return send("http://127.0.0.1:" + ports.get(service) + path);
    }

    private static HttpResponse<String> send(String uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
    }

    URI gatewayUri(String path) {
        return URI.create("http://127.0.0.1:" + ports.get("tenant-gateway") + path);
    }

    HttpResponse<String> throughGateway(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    List<String> services() {
        return List.copyOf(ports.keySet());
    }

    String output() throws IOException {
        return Files.readString(log);
    }

    /** What Ctrl-C does: SIGTERM to the launcher. Returns its exit code. */
    int stop() throws Exception {
        process.destroy();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("launcher stops").isTrue();
        return process.exitValue();
    }

    /** Whether anything accepts a connection on {@code address} at the service's API port. */
    boolean acceptsOnServicePort(String service, InetAddress address) {
        return accepts(address, ports.get(service));
    }

    /** Whether anything accepts a connection on {@code address} at the service's management port. */
    boolean acceptsOnManagementPort(String service, InetAddress address) {
        return accepts(address, managementPorts.get(service));
    }

    private static boolean accepts(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    boolean anyServiceListening() {
        return ports.values().stream().anyMatch(LaunchedPlatform::listening)
                || managementPorts.values().stream().anyMatch(LaunchedPlatform::listening);
    }

    /**
     * Stops the launcher as Ctrl-C does, so it stops its services; only a launcher that will not stop is
     * killed. Killing it at once left its five services running whenever a test failed before {@link #stop()}.
     */
    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        Files.deleteIfExists(log);
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A port free now and outside the kernel's ephemeral range. A port the kernel handed out for a
     * listener (bind to port 0) comes from the range it also takes outgoing connections' local ports
     * from: between this probe and the service's bind, one of the services' own connections (to Postgres,
     * the broker) could take it, and that service then failed to start (seen once in four CI runs).
     */
    static int freePort() throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int candidate = 20_000 + RANDOM.nextInt(10_000);
            if (TAKEN.contains(candidate)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), candidate));
                TAKEN.add(candidate);
                return candidate;
            } catch (IOException inUse) {
                // try another
            }
        }
        throw new IOException("no free port in 20000-29999 after 200 attempts");
    }
}
