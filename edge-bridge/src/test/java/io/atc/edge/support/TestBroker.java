package io.atc.edge.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import io.atc.devservices.mqtt.MosquittoConfig;
import io.atc.devservices.mqtt.MosquittoProcess;
import io.atc.devservices.mqtt.MqttBroker;
import io.atc.edge.pki.TestPkiMaterial;

/**
 * The test JVM's one Mosquitto, run from the project's config with both listeners: the plain one
 * (password logins; the bridge reaches it through a {@link BrokerLink}) and the TLS one, trusting
 * the JVM's test root CA ({@link TestPkiMaterial}) and reading the CRL file the bridge rewrites.
 * Started on first use, stopped with the JVM. It is a local Mosquitto process, not a remote or
 * Docker broker: the revocation tests send it SIGHUP and read its log.
 */
public final class TestBroker {

    private static MosquittoProcess mosquitto;

    private TestBroker() {}

    private static synchronized MosquittoProcess mosquitto() {
        if (mosquitto == null) {
            MosquittoProcess started = MosquittoProcess.startWithTls(
                    MosquittoConfig.locateProjectFile(),
                    TestPkiMaterial.shared().listenerFiles());
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "atc-test-broker-stop"));
            mosquitto = started;
        }
        return mosquitto;
    }

    /** The plain listener and the dynamic-security admin. */
    public static MqttBroker broker() {
        return mosquitto().broker();
    }

    public static int tlsPort() {
        return mosquitto().tlsPort();
    }

    /** What makes the broker re-read its CRL file: the bridge's reload command in tests. */
    public static String reloadCommand() {
        return "kill -HUP " + mosquitto().pid();
    }

    /** Makes the broker re-read its CRL file now, as the bridge's reload command does. */
    public static void reload() {
        try {
            Process kill = new ProcessBuilder(reloadCommand().split(" ")).start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -HUP failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The broker's log: its connections, refusals and TLS errors. */
    public static String log() {
        try {
            return Files.readString(mosquitto().log());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
