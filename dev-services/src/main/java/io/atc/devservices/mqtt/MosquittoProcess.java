package io.atc.devservices.mqtt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.atc.devservices.process.ChildProcesses;

/**
 * A private Mosquitto broker run from the local binary with the project's config, on a free
 * loopback port, with dynamic security initialised for a random admin password. Its files
 * live in a temp dir that {@link #close()} deletes. The project's TLS listener is dropped, unless
 * the broker is started {@link #startWithTls with the test's own CA files}: then it listens on a
 * second free port.
 */
public final class MosquittoProcess implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final long STARTUP_TIMEOUT_MILLIS = 10_000;
    private static final int LOG_TAIL_LINES = 20;

    private final Path workDir;
    private final MqttBroker broker;
    private MosquittoInstallation installation;
    private Optional<TlsListenerFiles> tls;
    private int tlsPort;
    private Path projectConfig;
    private Process process;

    private MosquittoProcess(Path workDir, MqttBroker broker, Optional<TlsListenerFiles> tls, int tlsPort) {
        this.workDir = workDir;
        this.broker = broker;
        this.tls = tls;
        this.tlsPort = tlsPort;
    }

    /** The broker with its plain listener only. */
    public static MosquittoProcess start(Path projectConfig) {
        return start(projectConfig, Optional.empty());
    }

    /** The broker with its plain listener and its TLS listener, the latter reading {@code files}. */
    public static MosquittoProcess startWithTls(Path projectConfig, TlsListenerFiles files) {
        return start(projectConfig, Optional.of(files));
    }

    private static MosquittoProcess start(Path projectConfig, Optional<TlsListenerFiles> tls) {
        MosquittoInstallation installation = MosquittoInstallation.find()
                .orElseThrow(() -> new IllegalStateException(
                        "Mosquitto 2.x with mosquitto_ctrl and the dynamic-security plugin not found (set "
                                + MosquittoInstallation.PLUGIN_ENV + " if the plugin is in an unusual place)"));
        MosquittoProcess mosquitto;
        try {
            int port = freeLoopbackPort();
            int tlsPort = tls.isPresent() ? freeLoopbackPort() : -1;
            mosquitto = new MosquittoProcess(
                    Files.createTempDirectory("atc-mosquitto-"),
                    new MqttBroker(HOST, port, DynsecAdmin.USER, DynsecAdmin.newPassword(), "mosquitto-process"),
                    tls,
                    tlsPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            mosquitto.run(installation, projectConfig);
            return mosquitto;
        } catch (RuntimeException e) {
            mosquitto.close();
            throw e;
        }
    }

    public MqttBroker broker() {
        return broker;
    }

    /** The TLS listener's port; only for a broker started {@link #startWithTls with TLS}. */
    public int tlsPort() {
        if (tls.isEmpty()) {
            throw new IllegalStateException("this broker was started without its TLS listener");
        }
        return tlsPort;
    }

    /** The broker's process id, e.g. for "kill -HUP", on which Mosquitto reloads its CRL file. */
    public long pid() {
        return process.pid();
    }

    /** The broker's log (its connections, refusals and TLS errors). */
    public Path log() {
        return workDir.resolve("mosquitto.log");
    }

    /**
     * Adds the project's TLS listener on {@code port}, reading {@code files}, to a broker started
     * without it, and restarts the broker as {@link #restart} does (same port, dynamic-security file
     * and persistence). For a run whose PKI files exist only once the edge bridge has made them.
     */
    public synchronized void addTlsListener(TlsListenerFiles files, int port) {
        this.tls = Optional.of(files);
        this.tlsPort = port;
        stopProcess();
        try {
            writeConfig(installation, workDir.resolve("dynamic-security.json"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot configure Mosquitto's TLS listener", e);
        }
        launch();
    }

    private void run(MosquittoInstallation installation, Path projectConfig) {
        Path dynsecFile = workDir.resolve("dynamic-security.json");
        this.projectConfig = projectConfig;
        try {
            initDynamicSecurity(installation.ctrl(), dynsecFile);
            writeConfig(installation, dynsecFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Mosquitto", e);
        }
        this.installation = installation;
        launch();
    }

    private void writeConfig(MosquittoInstallation installation, Path dynsecFile) throws IOException {
        Files.writeString(
                workDir.resolve("mosquitto.conf"),
                listeners(MosquittoConfig.read(projectConfig))
                        .set("plugin", installation.dynsecPlugin().toString())
                        .set("plugin_opt_config_file", dynsecFile.toString())
                        .set("persistence_location", workDir + "/")
                        .append("log_dest file " + log())
                        // Started as root, mosquitto switches to user 'mosquitto', which cannot enter this
                        // private temp dir; naming the dir's owner keeps the current user (ignored if not root).
                        .append("user " + Files.getOwner(workDir).getName())
                        .text());
    }

    private void launch() {
        Path log = workDir.resolve("mosquitto.log");
        try {
            // Errors before mosquitto opens its log (e.g. a bad config line) only reach stderr.
            process = new ProcessBuilder(
                            installation.broker().toString(),
                            "-c",
                            workDir.resolve("mosquitto.conf").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Mosquitto", e);
        }
        awaitListening(log);
    }

    /**
     * Stops the broker the way an operator restarts it (SIGTERM: it saves its persistence file, with
     * the persistent sessions and their queued messages) and starts it again on the same port, with
     * the same dynamic-security file and persistence directory.
     */
    public synchronized void restart() {
        stopProcess();
        launch();
    }

    private MosquittoConfig listeners(MosquittoConfig config) {
        config.setListener(MosquittoConfig.PLAIN_PORT, broker.port() + " " + HOST);
        if (tls.isEmpty()) {
            return config.dropListener(MosquittoConfig.TLS_PORT);
        }
        TlsListenerFiles files = tls.get();
        return config.setListener(MosquittoConfig.TLS_PORT, tlsPort + " " + HOST)
                .set("cafile", files.caFile().toString())
                .set("certfile", files.certFile().toString())
                .set("keyfile", files.keyFile().toString())
                .set("crlfile", files.crlFile().toString());
    }

    private void initDynamicSecurity(Path ctrl, Path dynsecFile) throws IOException {
        Process init = new ProcessBuilder(
                        ctrl.toString(),
                        "dynsec",
                        "init",
                        dynsecFile.toString(),
                        broker.adminUser(),
                        broker.adminPassword())
                .redirectErrorStream(true)
                .start();
        String output = new String(init.getInputStream().readAllBytes());
        // mosquitto_ctrl 2.0 exits 0 even when init fails, so check for the file instead.
        if (!Files.isRegularFile(dynsecFile)) {
            throw new IllegalStateException("mosquitto_ctrl dynsec init failed: " + output.strip());
        }
    }

    private void awaitListening(Path log) {
        long deadline = System.currentTimeMillis() + STARTUP_TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw startFailure("exited with code " + process.exitValue(), log);
            }
            if (acceptsConnections()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw startFailure("start was interrupted", log);
            }
        }
        throw startFailure(
                "did not listen on " + HOST + ":" + broker.port() + " within " + STARTUP_TIMEOUT_MILLIS / 1000 + " s",
                log);
    }

    private boolean acceptsConnections() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, broker.port()), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The last lines of the broker's log, for a failing test to show. */
    public String logTail(int lines) {
        return tail(workDir.resolve("mosquitto.log"), lines);
    }

    private static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static IllegalStateException startFailure(String reason, Path log) {
        return new IllegalStateException(
                "Mosquitto " + reason + ". Last lines of its log:\n" + tail(log, LOG_TAIL_LINES));
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    /** Stops the broker (SIGTERM, then SIGKILL after 5 s) and deletes its files. */
    @Override
    public synchronized void close() {
        stopProcess();
        deleteRecursively(workDir);
    }

    private void stopProcess() {
        if (process != null && process.isAlive()) {
            ChildProcesses.stop(process, Duration.ofSeconds(5));
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dir, e);
        }
    }
}
