package io.atc.edge.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.atc.devservices.mqtt.MqttBroker;
import io.atc.testkit.mqtt.TestMqttClient;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mqtt.MqttConnectionException;

/**
 * The test's own view of the broker, bypassing the bridge: dynamic-security commands as the admin,
 * and MQTT clients logging in as devices, with a password or, on the TLS listener, a certificate.
 */
public final class BrokerAdmin {

    private static final String CONTROL_TOPIC = "$CONTROL/dynamic-security/v1";
    private static final Vertx VERTX = Vertx.vertx();

    private BrokerAdmin() {
    }

    /** Sends the commands in one message and returns the responses (errors included). */
    public static List<JsonObject> send(JsonObject... commands) {
        try (TestMqttClient admin = admin()) {
            assertThat(admin.subscribe(CONTROL_TOPIC + "/response")).containsExactly(1);
            admin.publish(CONTROL_TOPIC, new JsonObject().put("commands", new JsonArray(List.of((Object[]) commands))).encode());
            while (true) {
                TestMqttClient.Message reply = admin.nextMessage();
                JsonArray responses = new JsonObject(reply.payload()).getJsonArray("responses");
                // Answers to the bridge's own commands reach every admin subscriber; ours carry no correlation.
                if (responses.size() == commands.length
                        && responses.getJsonObject(0).getString("correlationData") == null) {
                    return responses.stream().map(JsonObject.class::cast).toList();
                }
            }
        }
    }

    /** One command whose success the test relies on; returns its {@code data}. */
    public static JsonObject require(JsonObject command) {
        JsonObject response = send(command).get(0);
        assertThat(response.getString("error")).as("%s", response).isNull();
        return response.getJsonObject("data", new JsonObject());
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

    /** The dynamic-security admin, which may subscribe to and receive everything: what a watcher sees. */
    public static TestMqttClient admin() {
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

    public static TestMqttClient connect(RegisteredDevice device) {
        return connect(device.username(), device.password());
    }

    /** True when the broker accepts the login (the client disconnects at once). */
    public static boolean accepts(String username, String password) {
        try (TestMqttClient client = connect(username, password)) {
            return client.isConnected();
        } catch (RuntimeException e) {
            if (rootCause(e) instanceof MqttConnectionException refused) {
                assertThat(refused.code()).as("refusal reason").isIn(MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED,
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
