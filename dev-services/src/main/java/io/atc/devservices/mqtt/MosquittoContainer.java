package io.atc.devservices.mqtt;

import java.nio.file.Path;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * The project's Mosquitto config run in the official image, for machines without a local Mosquitto but
 * with a Docker engine: its plain listener on a port Docker maps, dynamic security initialised for a
 * random admin. No TLS listener: a broker whose listeners and CRL file a run must change is a
 * {@link MosquittoProcess}.
 */
public final class MosquittoContainer implements AutoCloseable {

    /** The official image, pinned: the same Mosquitto 2.0 the chart runs (deploy/mosquitto). */
    public static final String IMAGE_NAME = "eclipse-mosquitto:2.0.18";

    private static final DockerImageName IMAGE = DockerImageName.parse(IMAGE_NAME);
    private static final int MQTT_PORT = 1883;
    private static final String CONFIG_FILE = "/mosquitto/config/mosquitto.conf";
    private static final String DATA_DIR = "/mosquitto/data/";
    private static final String DYNSEC_FILE = DATA_DIR + "dynamic-security.json";

    private final GenericContainer<?> container;
    private final MqttBroker broker;

    private MosquittoContainer(GenericContainer<?> container, MqttBroker broker) {
        this.container = container;
        this.broker = broker;
    }

    /** Whether a Docker engine answers (Testcontainers' discovery: DOCKER_HOST, the local socket, ...). */
    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    public static MosquittoContainer start(Path projectConfig) {
        String adminPassword = DynsecAdmin.newPassword();
        String config = MosquittoConfig.read(projectConfig)
                .setListener(MosquittoConfig.PLAIN_PORT, String.valueOf(MQTT_PORT))
                .dropListener(MosquittoConfig.TLS_PORT)
                .set("plugin", "/usr/lib/mosquitto_dynamic_security.so")
                .set("plugin_opt_config_file", DYNSEC_FILE)
                .set("persistence_location", DATA_DIR)
                .text();
        // The image's entrypoint chowns /mosquitto to user 'mosquitto', then runs this command as
        // root; mosquitto drops to 'mosquitto', so the dynsec file created here must belong to it.
        String command = String.join(
                " && ",
                "mosquitto_ctrl dynsec init " + DYNSEC_FILE + " " + DynsecAdmin.USER + " " + adminPassword,
                "chown mosquitto:mosquitto " + DYNSEC_FILE,
                "exec mosquitto -c " + CONFIG_FILE);
        GenericContainer<?> container = new GenericContainer<>(IMAGE)
                .withCopyToContainer(Transferable.of(config), CONFIG_FILE)
                .withCommand("sh", "-c", command)
                .withExposedPorts(MQTT_PORT)
                .waitingFor(Wait.forListeningPort());
        container.start();
        return new MosquittoContainer(
                container,
                new MqttBroker(
                        container.getHost(),
                        container.getMappedPort(MQTT_PORT),
                        DynsecAdmin.USER,
                        adminPassword,
                        "testcontainers"));
    }

    public MqttBroker broker() {
        return broker;
    }

    @Override
    public void close() {
        container.stop();
    }
}
