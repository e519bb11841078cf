package io.atc.edge.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import io.atc.devservices.mqtt.MqttBroker;
import io.atc.testkit.broker.DynsecTestClients;
import io.atc.testkit.mqtt.TestMqttClient;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.mqtt.MqttConnectionException;

/**
 * The test's own view of the broker, bypassing the bridge: dynamic-security commands as the admin,
 * and MQTT clients logging in as devices, with a password or, on the TLS listener, a certificate.
 */
public final class BrokerAdmin {

    private static final Vertx VERTX = Vertx.vertx();
    private static final Pattern SETTINGS_TOPIC = Pattern.compile("atc/[^/]+/[^/]+/config/retention");

    private BrokerAdmin() {}

    /** Sends the commands in one message and returns the responses (errors included). */
    public static List<JsonObject> send(JsonObject... commands) {
        return DynsecTestClients.send(VERTX, TestBroker.broker(), commands);
    }

    /** One command whose success the test relies on; returns its {@code data}. */
    public static JsonObject require(JsonObject command) {
        JsonObject response = send(command).get(0);
        assertThat(response.getString("error")).as("%s", response).isNull();
        return response.getJsonObject("data", new JsonObject());
    }

    /** A client that may publish (and only publish) under {@code topicFilter}, whatever a device may. */
    public static void createPublisher(String username, String password, String topicFilter) {
        DynsecTestClients.createPublisher(VERTX, TestBroker.broker(), username, password, topicFilter);
    }

    public static JsonObject command(String name) {
        return new JsonObject().put("command", name);
    }

    public static boolean clientExists(String username) {
        return send(command("getClient").put("username", username)).get(0).getString("error") == null;
    }

    public static boolean roleExists(String role) {
        return send(command("getRole").put("rolename", role)).get(0).getString("error") == null;
    }

    /**
     * The dynamic-security admin, which may subscribe to and receive everything: what a watcher of
     * devices' publishes sees. It ignores sites' retention settings (retained, and republished by
     * the bridge at any time, e.g. after a test that reconnected it) and every retained message, so
     * a watcher of {@code #} sees only what is published while it watches.
     */
    public static TestMqttClient admin() {
        return settingsWatcher()
                .ignoring(message -> message.isRetain()
                        || SETTINGS_TOPIC.matcher(message.topicName()).matches());
    }

    /** The admin, keeping every message, retained ones and sites' retention settings included. */
    public static TestMqttClient settingsWatcher() {
        MqttBroker broker = TestBroker.broker();
        return TestMqttClient.connect(VERTX, broker, broker.adminUser(), broker.adminPassword());
    }

    public static TestMqttClient connect(String username, String password) {
        return TestMqttClient.connect(VERTX, TestBroker.broker(), username, password);
    }

    /** A login on the TLS listener with a client certificate and no password. */
    public static TestMqttClient connectTls(TestMqttClient.TlsIdentity identity) {
        return TestMqttClient.connectTls(VERTX, TestBroker.broker().host(), TestBroker.tlsPort(), identity);
    }

    /** With a clean session under {@code clientId}: ends whatever session the broker kept for it. */
    public static TestMqttClient connect(String username, String password, String clientId) {
        return TestMqttClient.connect(VERTX, TestBroker.broker(), username, password, clientId);
    }

    /** The device's password login, under its own client id (the only one the broker accepts for it). */
    public static TestMqttClient connect(RegisteredDevice device) {
        return connect(device.username(), device.password(), device.username());
    }

    /**
     * True when the broker accepts the login under the username as client id, which is a device's
     * own (the client disconnects at once).
     */
    public static boolean accepts(String username, String password) {
        try (TestMqttClient client = connect(username, password, username)) {
            return client.isConnected();
        } catch (RuntimeException e) {
            if (rootCause(e) instanceof MqttConnectionException refused) {
                assertThat(refused.code())
                        .as("refusal reason")
                        .isIn(
                                MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED,
                                MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD);
                return false;
            }
            throw e;
        }
    }

    public static boolean accepts(RegisteredDevice device) {
        return accepts(device.username(), device.password());
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
