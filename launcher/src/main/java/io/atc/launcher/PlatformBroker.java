package io.atc.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import io.atc.devservices.mqtt.MosquittoConfig;
import io.atc.devservices.mqtt.MosquittoInstallation;
import io.atc.devservices.mqtt.MosquittoProcess;

/**
 * The MQTT broker the edge bridge manages device credentials on, which needs its dynamic-security
 * admin: ATC_EDGE_BROKER_HOST/PORT when set; else the local broker on 127.0.0.1:1883 when one
 * answers and ATC_EDGE_BROKER_ADMIN_PASSWORD names its admin; else a Mosquitto started from the
 * project's config with an admin made up for the run. The ingest identity's password is
 * ATC_EDGE_BROKER_INGEST_PASSWORD, or made up for the run (the bridge sets it at the broker).
 */
final class PlatformBroker implements AutoCloseable {

    static final String HOST = "ATC_EDGE_BROKER_HOST";
    static final String PORT = "ATC_EDGE_BROKER_PORT";
    static final String ADMIN_USERNAME = "ATC_EDGE_BROKER_ADMIN_USERNAME";
    static final String ADMIN_PASSWORD = "ATC_EDGE_BROKER_ADMIN_PASSWORD";
    static final String INGEST_PASSWORD = "ATC_EDGE_BROKER_INGEST_PASSWORD";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> environment;
    private final String description;
    private final MosquittoProcess process;

    private PlatformBroker(Map<String, String> environment, String description, MosquittoProcess process) {
        this.environment = environment;
        this.description = description;
        this.process = process;
    }

    static PlatformBroker open(Map<String, String> env) {
        Map<String, String> environment = new HashMap<>();
        environment.put(INGEST_PASSWORD, present(env, INGEST_PASSWORD) ? env.get(INGEST_PASSWORD) : randomSecret());
        String host = env.get(HOST);
        if (present(env, HOST) || (present(env, ADMIN_PASSWORD) && answers("127.0.0.1", 1883))) {
            String chosenHost = present(env, HOST) ? host : "127.0.0.1";
            String port = env.getOrDefault(PORT, "1883");
            environment.put(HOST, chosenHost);
            environment.put(PORT, port);
            for (String admin : new String[] {ADMIN_USERNAME, ADMIN_PASSWORD}) {
                if (present(env, admin)) {
                    environment.put(admin, env.get(admin));
                }
            }
            return new PlatformBroker(environment, chosenHost + ":" + port, null);
        }
        if (MosquittoInstallation.find().isEmpty()) {
            throw new IllegalStateException("no MQTT broker: set " + HOST + "/" + PORT + " and " + ADMIN_PASSWORD
                    + ", or install Mosquitto 2.x with its dynamic-security plugin"
                    + " (Debian/Ubuntu: apt-get install mosquitto mosquitto-clients)");
        }
        MosquittoProcess process = MosquittoProcess.start(MosquittoConfig.locateProjectFile());
        environment.put(HOST, process.broker().host());
        environment.put(PORT, String.valueOf(process.broker().port()));
        environment.put(ADMIN_USERNAME, process.broker().adminUser());
        environment.put(ADMIN_PASSWORD, process.broker().adminPassword());
        return new PlatformBroker(
                environment,
                "Mosquitto (project config, dynamic security) at "
                        + process.broker().host() + ":" + process.broker().port(),
                process);
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
