package io.atc.edge.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import io.atc.devservices.mqtt.MqttBroker;
import io.atc.testkit.mqtt.TestMqttClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The test's own dynsec admin, standing in for the device-registration work: it gives a device its
 * password client and role, as registration does, and lets tests look at the broker's clients.
 */
final class BrokerAdmin {

    static final String WATCHER = "test-watcher";
    static final String WATCHER_PASSWORD = UUID.randomUUID().toString();
    private static final String TOPIC = "$CONTROL/dynamic-security/v1";

    private BrokerAdmin() {
    }

    /** Runs one command as the admin and returns its response. */
    static JsonObject command(Vertx vertx, MqttBroker broker, JsonObject command) {
        try (TestMqttClient admin = TestMqttClient.connect(vertx, broker, broker.adminUser(), broker.adminPassword())) {
            admin.subscribe(TOPIC + "/response");
            admin.publish(TOPIC, new JsonObject().put("commands", new JsonArray().add(command)).encode());
            return new JsonObject(admin.nextMessage().payload()).getJsonArray("responses").getJsonObject(0);
        }
    }

    /** The password client and role device registration provisions: publish under the device's own topics only. */
    static void provisionPasswordClient(Vertx vertx, MqttBroker broker, RegisteredDevice device) {
        String role = "device-" + device.deviceId();
        ok(command(vertx, broker, new JsonObject().put("command", "createRole").put("rolename", role)
                .put("acls", new JsonArray().add(new JsonObject().put("acltype", "publishClientSend")
                        .put("topic", device.topicPrefix() + "#").put("allow", true)))));
        ok(command(vertx, broker, new JsonObject().put("command", "createClient")
                .put("username", device.brokerUsername()).put("password", UUID.randomUUID().toString())
                .put("roles", new JsonArray().add(new JsonObject().put("rolename", role)))));
    }

    /** A client that may subscribe to every device topic: what "an admin subscriber" sees. */
    static synchronized TestMqttClient watcher(Vertx vertx, MqttBroker broker) {
        if (!clientExists(vertx, broker, WATCHER)) {
            ok(command(vertx, broker, new JsonObject().put("command", "createRole").put("rolename", WATCHER)
                    .put("acls", new JsonArray().add(new JsonObject().put("acltype", "subscribePattern")
                            .put("topic", "atc/#").put("allow", true)))));
            ok(command(vertx, broker, new JsonObject().put("command", "createClient").put("username", WATCHER)
                    .put("password", WATCHER_PASSWORD)
                    .put("roles", new JsonArray().add(new JsonObject().put("rolename", WATCHER)))));
        }
        return TestMqttClient.connect(vertx, broker, WATCHER, WATCHER_PASSWORD);
    }

    static boolean clientExists(Vertx vertx, MqttBroker broker, String username) {
        JsonObject response = command(vertx, broker, new JsonObject().put("command", "getClient").put("username", username));
        return !response.containsKey("error");
    }

    private static void ok(JsonObject response) {
        assertThat(response.getString("error")).as("dynsec %s", response.getString("command")).isNull();
    }
}
