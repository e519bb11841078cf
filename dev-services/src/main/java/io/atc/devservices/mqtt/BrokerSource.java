package io.atc.devservices.mqtt;

import java.util.function.Predicate;

/**
 * Where the broker with the project's config comes from, in the one order the test harness
 * (testkit's BrokerResolver) and the run command (the launcher's PlatformBroker) share. Each caller
 * says what counts as available for each source in its setting; the first available one wins.
 */
public enum BrokerSource {
    /** A broker the environment names (ATC_TEST_MQTT_URL; ATC_EDGE_BROKER_HOST for ./run). */
    EXPLICIT,
    /** A broker already listening on this machine whose admin the environment names (./run only). */
    LOCAL_SERVICE,
    /** A {@link MosquittoProcess} from the local Mosquitto installation ({@link MosquittoInstallation}). */
    LOCAL_BINARY,
    /** The official image in Docker ({@link MosquittoContainer}). */
    DOCKER;

    /**
     * The first source, in declaration order, that {@code available} accepts. Sources after it are not
     * asked about: a Docker probe takes time and logs, and is only worth it without a local Mosquitto.
     *
     * @param howToNameOne how the caller's environment names a broker, for the error message
     * @throws IllegalStateException when none is available, saying every way to provide one
     */
    public static BrokerSource first(Predicate<BrokerSource> available, String howToNameOne) {
        for (BrokerSource source : values()) {
            if (available.test(source)) {
                return source;
            }
        }
        throw new IllegalStateException("No MQTT broker: " + howToNameOne
                + "; or install Mosquitto 2.x with mosquitto_ctrl and its dynamic-security plugin"
                + " (Debian/Ubuntu: apt-get install mosquitto mosquitto-clients; set "
                + MosquittoInstallation.PLUGIN_ENV + " if mosquitto_dynamic_security.so is in an unusual place);"
                + " or start a Docker engine, and the official image " + MosquittoContainer.IMAGE_NAME
                + " is used.");
    }
}
