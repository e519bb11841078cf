package io.atc.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.HashMap;
import java.util.Map;

import io.atc.devservices.mqtt.MosquittoConfig;
import io.atc.devservices.mqtt.MosquittoInstallation;
import io.atc.devservices.mqtt.MosquittoProcess;

/**
 * The MQTT broker the edge bridge uses: ATC_MQTT_HOST/ATC_MQTT_PORT when set, else the local
 * broker on 127.0.0.1:1883 when one answers, else a Mosquitto started from the project's config.
 */
final class PlatformBroker implements AutoCloseable {

    private final Map<String, String> environment;
    private final String description;
    private final MosquittoProcess process;

    private PlatformBroker(Map<String, String> environment, String description, MosquittoProcess process) {
        this.environment = environment;
        this.description = description;
        this.process = process;
    }

    static PlatformBroker open(Map<String, String> env) {
        String host = env.get("ATC_MQTT_HOST");
        if (host != null && !host.isBlank()) {
            String port = env.getOrDefault("ATC_MQTT_PORT", "1883");
            return new PlatformBroker(Map.of("ATC_MQTT_HOST", host, "ATC_MQTT_PORT", port), host + ":" + port, null);
        }
        if (answers("127.0.0.1", 1883)) {
            return new PlatformBroker(Map.of("ATC_MQTT_HOST", "127.0.0.1", "ATC_MQTT_PORT", "1883"),
                    "local broker at 127.0.0.1:1883", null);
        }
        if (MosquittoInstallation.find().isEmpty()) {
            throw new IllegalStateException("no MQTT broker: set ATC_MQTT_HOST/ATC_MQTT_PORT, or install Mosquitto 2.x"
                    + " with its dynamic-security plugin (Debian/Ubuntu: apt-get install mosquitto mosquitto-clients)");
        }
        MosquittoProcess process = MosquittoProcess.start(MosquittoConfig.locateProjectFile());
        Map<String, String> environment = new HashMap<>();
        environment.put("ATC_MQTT_HOST", process.broker().host());
        environment.put("ATC_MQTT_PORT", String.valueOf(process.broker().port()));
        environment.put("ATC_MQTT_ADMIN_USER", process.broker().adminUser());
        environment.put("ATC_MQTT_ADMIN_PASSWORD", process.broker().adminPassword());
        return new PlatformBroker(environment, "Mosquitto (project config, dynamic security) at "
                + process.broker().host() + ":" + process.broker().port(), process);
    }

    Map<String, String> environment() {
        return environment;
    }

    String description() {
        return description;
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
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
