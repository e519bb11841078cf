package io.atc.testkit.broker;

import java.net.URI;
import java.net.URISyntaxException;

import org.jboss.logging.Logger;

import io.atc.devservices.mqtt.BrokerSource;
import io.atc.devservices.mqtt.MosquittoConfig;
import io.atc.devservices.mqtt.MosquittoContainer;
import io.atc.devservices.mqtt.MosquittoInstallation;
import io.atc.devservices.mqtt.MosquittoProcess;
import io.atc.devservices.mqtt.MqttBroker;

/**
 * The MQTT broker for this JVM's tests, found on first use in {@link BrokerSource}'s order: the URL in
 * {@code ATC_TEST_MQTT_URL}; a {@link MosquittoProcess} from a local Mosquitto; a
 * {@link MosquittoContainer} in Docker. A broker started here is stopped when the JVM exits.
 */
public final class BrokerResolver {

    static final String URL_ENV = "ATC_TEST_MQTT_URL";

    private static final String URL_FORM = "mqtt://user:password@host:port";
    private static final Logger LOG = Logger.getLogger(BrokerResolver.class);

    private static MqttBroker broker;

    private BrokerResolver() {}

    public static synchronized MqttBroker resolve() {
        if (broker == null) {
            broker = locate();
            LOG.infof("MQTT broker for tests: %s on %s:%d", broker.origin(), broker.host(), broker.port());
        }
        return broker;
    }

    private static MqttBroker locate() {
        String url = System.getenv(URL_ENV);
        BrokerSource source = BrokerSource.first(
                candidate -> switch (candidate) {
                    case EXPLICIT -> url != null && !url.isBlank();
                    case LOCAL_SERVICE -> false;
                    case LOCAL_BINARY -> MosquittoInstallation.find().isPresent();
                    case DOCKER -> MosquittoContainer.dockerAvailable();
                },
                "for tests, set " + URL_ENV + "=mqtt://admin:password@host:port (a dynamic-security admin)");
        return switch (source) {
            case EXPLICIT -> fromUrl(url);
            case LOCAL_BINARY -> {
                MosquittoProcess process = MosquittoProcess.start(MosquittoConfig.locateProjectFile());
                stopOnExit(process);
                yield process.broker();
            }
            case DOCKER -> {
                MosquittoContainer container = MosquittoContainer.start(MosquittoConfig.locateProjectFile());
                stopOnExit(container);
                yield container.broker();
            }
            case LOCAL_SERVICE -> throw new IllegalStateException("tests never take a broker they did not start");
        };
    }

    private static void stopOnExit(AutoCloseable running) {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                running.close();
                            } catch (Exception e) {
                                LOG.warn("Could not stop the test MQTT broker", e);
                            }
                        },
                        "atc-test-mqtt-broker-stop"));
    }

    /** Parses {@value #URL_FORM}; the user must be a dynamic-security admin. Errors never echo the URL. */
    static MqttBroker fromUrl(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(URL_ENV + " is not a valid URL; expected " + URL_FORM);
        }
        if (!"mqtt".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() == -1) {
            throw new IllegalArgumentException(URL_ENV + " must look like " + URL_FORM);
        }
        String userInfo = uri.getUserInfo();
        int colon = userInfo == null ? -1 : userInfo.indexOf(':');
        if (colon <= 0 || colon == userInfo.length() - 1) {
            throw new IllegalArgumentException(URL_ENV + " must carry the user and password of a"
                    + " dynamic-security admin: " + URL_FORM + " (percent-encode special characters)");
        }
        return new MqttBroker(
                uri.getHost(), uri.getPort(), userInfo.substring(0, colon), userInfo.substring(colon + 1), "env");
    }
}
