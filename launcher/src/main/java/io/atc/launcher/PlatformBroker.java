package io.atc.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import io.atc.devservices.mqtt.BrokerSource;
import io.atc.devservices.mqtt.MosquittoConfig;
import io.atc.devservices.mqtt.MosquittoContainer;
import io.atc.devservices.mqtt.MosquittoInstallation;
import io.atc.devservices.mqtt.MosquittoProcess;
import io.atc.devservices.mqtt.MqttBroker;
import io.atc.devservices.mqtt.TlsListenerFiles;

/**
 * The MQTT broker the edge bridge manages device credentials on, which needs its dynamic-security
 * admin, found in {@link BrokerSource}'s order ({@link #source}): ATC_EDGE_BROKER_HOST/PORT when set;
 * else the local broker on 127.0.0.1:1883 when one answers and ATC_EDGE_BROKER_ADMIN_PASSWORD names its
 * admin; else a Mosquitto started from the project's config with an admin made up for the run, from the
 * local binary or, without one, from the official image where a Docker engine answers. The ingest
 * identity's password is ATC_EDGE_BROKER_INGEST_PASSWORD, or made up for the run (the bridge sets it at
 * the broker). A Mosquitto process it starts also gets the device mTLS listener ({@link #offerDeviceTls}),
 * on ATC_EDGE_BROKER_TLS_PORT (8883), once the edge bridge has made its development PKI.
 */
final class PlatformBroker implements AutoCloseable {

    static final String HOST = "ATC_EDGE_BROKER_HOST";
    static final String PORT = "ATC_EDGE_BROKER_PORT";
    static final String ADMIN_USERNAME = "ATC_EDGE_BROKER_ADMIN_USERNAME";
    static final String ADMIN_PASSWORD = "ATC_EDGE_BROKER_ADMIN_PASSWORD";
    static final String INGEST_PASSWORD = "ATC_EDGE_BROKER_INGEST_PASSWORD";
    static final String TLS_PORT = "ATC_EDGE_BROKER_TLS_PORT";
    static final int DEFAULT_TLS_PORT = 8883;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> environment;
    private final String description;
    private final MosquittoProcess process;
    private final MosquittoContainer container;
    private CrlReloadWatcher crlReload;
    private Optional<DeviceTls> deviceTls = Optional.empty();

    private PlatformBroker(
            Map<String, String> environment,
            String description,
            MosquittoProcess process,
            MosquittoContainer container) {
        this.environment = environment;
        this.description = description;
        this.process = process;
        this.container = container;
    }

    static PlatformBroker open(Map<String, String> env) {
        Map<String, String> environment = new HashMap<>();
        environment.put(INGEST_PASSWORD, present(env, INGEST_PASSWORD) ? env.get(INGEST_PASSWORD) : randomSecret());
        BrokerSource source = source(
                env,
                () -> answers("127.0.0.1", 1883),
                () -> MosquittoInstallation.find().isPresent(),
                MosquittoContainer::dockerAvailable);
        switch (source) {
            case EXPLICIT, LOCAL_SERVICE -> {
                String chosenHost = source == BrokerSource.EXPLICIT ? env.get(HOST) : "127.0.0.1";
                String port = env.getOrDefault(PORT, "1883");
                environment.put(HOST, chosenHost);
                environment.put(PORT, port);
                for (String admin : new String[] {ADMIN_USERNAME, ADMIN_PASSWORD}) {
                    if (present(env, admin)) {
                        environment.put(admin, env.get(admin));
                    }
                }
                return new PlatformBroker(environment, chosenHost + ":" + port, null, null);
            }
            case LOCAL_BINARY -> {
                MosquittoProcess process = MosquittoProcess.start(MosquittoConfig.locateProjectFile());
                environment.putAll(started(process.broker()));
                return new PlatformBroker(
                        environment,
                        "Mosquitto (project config, dynamic security) at "
                                + process.broker().host() + ":"
                                + process.broker().port(),
                        process,
                        null);
            }
            case DOCKER -> {
                MosquittoContainer container = MosquittoContainer.start(MosquittoConfig.locateProjectFile());
                environment.putAll(started(container.broker()));
                return new PlatformBroker(
                        environment,
                        MosquittoContainer.IMAGE_NAME + " in Docker (project config, dynamic security) at "
                                + container.broker().host() + ":"
                                + container.broker().port()
                                + "; no device TLS listener (that needs a local Mosquitto)",
                        null,
                        container);
            }
            default -> throw new IllegalStateException("unknown broker source " + source);
        }
    }

    /**
     * Which broker this run uses: the one ATC_EDGE_BROKER_HOST names; else the one on 127.0.0.1:1883 when
     * it answers and ATC_EDGE_BROKER_ADMIN_PASSWORD gives its admin (without the admin the bridge could
     * not manage devices on it); else one started from the local binary; else one started in Docker.
     * The probes are asked in that order, and only as far as needed.
     */
    static BrokerSource source(
            Map<String, String> env,
            BooleanSupplier localServiceAnswers,
            BooleanSupplier localBinaryFound,
            BooleanSupplier dockerAnswers) {
        return BrokerSource.first(
                candidate -> switch (candidate) {
                    case EXPLICIT -> present(env, HOST);
                    case LOCAL_SERVICE -> present(env, ADMIN_PASSWORD) && localServiceAnswers.getAsBoolean();
                    case LOCAL_BINARY -> localBinaryFound.getAsBoolean();
                    case DOCKER -> dockerAnswers.getAsBoolean();
                },
                "set " + HOST + "/" + PORT + " and " + ADMIN_PASSWORD + " to use a broker of yours");
    }

    private static Map<String, String> started(MqttBroker broker) {
        return Map.of(
                HOST, broker.host(),
                PORT, String.valueOf(broker.port()),
                ADMIN_USERNAME, broker.adminUser(),
                ADMIN_PASSWORD, broker.adminPassword());
    }

    Map<String, String> environment() {
        return environment;
    }

    String description() {
        return description;
    }

    /**
     * Adds the device mTLS listener to the Mosquitto this run started (a broker it did not start is
     * left as it is): the broker certificate, the root CA (its cafile) and the CRL file come from the
     * edge bridge's development PKI in {@code pki}, so the broker restarts once the bridge has made
     * them. The bridge reconnects by itself. CRL changes reach the broker by a SIGHUP on each rewrite
     * of the file, as a deployment's reload sidecar does (docs/edge.md, "What the deployment must do").
     */
    void offerDeviceTls(Map<String, String> env, EdgePkiFiles pki, Duration wait) {
        if (process == null) {
            return;
        }
        int port = tlsPort(env);
        pki.await(wait);
        process.addTlsListener(
                new TlsListenerFiles(pki.rootCertificate(), pki.brokerCertificate(), pki.brokerKey(), pki.crlFile()),
                port);
        crlReload = CrlReloadWatcher.start(pki.crlFile(), process::pid);
        deviceTls = Optional.of(new DeviceTls(process.broker().host(), port, pki.rootCertificate()));
    }

    /** The device TLS listener, when this run offers one. */
    Optional<DeviceTls> deviceTls() {
        return deviceTls;
    }

    record DeviceTls(String host, int port, Path caFile) {}

    @Override
    public void close() {
        if (crlReload != null) {
            crlReload.close();
        }
        if (process != null) {
            process.close();
        }
        if (container != null) {
            container.close();
        }
    }

    static int tlsPort(Map<String, String> env) {
        if (!present(env, TLS_PORT)) {
            return DEFAULT_TLS_PORT;
        }
        try {
            int port = Integer.parseInt(env.get(TLS_PORT).strip());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException(TLS_PORT + " must be a port number (1-65535), was: " + env.get(TLS_PORT));
    }

    /** The development PKI files the edge bridge writes into its data dir (ATC_EDGE_PKI_DATA_DIR). */
    record EdgePkiFiles(Path rootCertificate, Path brokerCertificate, Path brokerKey, Path crlFile) {

        static EdgePkiFiles in(Path dataDir, Map<String, String> env) {
            return new EdgePkiFiles(
                    present(env, "ATC_EDGE_PKI_ROOT_CERT_FILE")
                            ? Path.of(env.get("ATC_EDGE_PKI_ROOT_CERT_FILE"))
                            : dataDir.resolve("root-ca.crt.pem"),
                    dataDir.resolve("broker.crt"),
                    dataDir.resolve("broker.key"),
                    present(env, "ATC_EDGE_PKI_CRL_FILE")
                            ? Path.of(env.get("ATC_EDGE_PKI_CRL_FILE"))
                            : dataDir.resolve("device-crls.pem"));
        }

        void await(Duration wait) {
            long deadline = System.nanoTime() + wait.toNanos();
            List<Path> files = List.of(rootCertificate, brokerCertificate, brokerKey, crlFile);
            while (!files.stream().allMatch(Files::isRegularFile)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the edge bridge did not write its development PKI "
                            + files.stream()
                                    .filter(file -> !Files.isRegularFile(file))
                                    .toList()
                            + " within " + wait.toSeconds() + " s");
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the edge PKI", e);
                }
            }
        }
    }

    private static boolean present(Map<String, String> env, String name) {
        return env.get(name) != null && !env.get(name).isBlank();
    }

    private static String randomSecret() {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
