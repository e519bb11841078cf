package io.atc.testkit.broker;

import io.atc.devservices.mqtt.MqttBroker;
import io.atc.testkit.mqtt.TestMqttClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Creates broker identities for tests through the dynamic-security plugin, as its admin: a client
 * with one role that may publish under one topic filter. Stands in for devices (or a simulator of
 * many devices) where a test is about what happens after the broker accepted a message.
 */
public final class DynsecTestClients {

    private static final String COMMANDS = "$CONTROL/dynamic-security/v1";

    private DynsecTestClients() {
    }

    /** A client {@code username} that may publish (and only publish) under {@code topicFilter}. */
    public static void createPublisher(Vertx vertx, MqttBroker broker, String username, String password,
            String topicFilter) {
        String role = username + "-publisher";
        JsonArray commands = new JsonArray()
                .add(new JsonObject().put("command", "createRole").put("rolename", role))
                .add(new JsonObject().put("command", "addRoleACL").put("rolename", role)
                        .put("acltype", "publishClientSend").put("topic", topicFilter).put("allow", true))
                .add(new JsonObject().put("command", "createClient").put("username", username).put("password", password)
                        .put("roles", new JsonArray().add(new JsonObject().put("rolename", role))));
        try (TestMqttClient admin = TestMqttClient.connect(vertx, broker, broker.adminUser(), broker.adminPassword())) {
            admin.subscribe(COMMANDS + "/response");
            admin.publish(COMMANDS, new JsonObject().put("commands", commands).encode());
            JsonArray responses = new JsonObject(admin.nextMessage().payload()).getJsonArray("responses");
            for (int i = 0; i < responses.size(); i++) {
                String error = responses.getJsonObject(i).getString("error");
                if (error != null) {
                    throw new IllegalStateException("dynsec " + responses.getJsonObject(i).getString("command")
                            + " for " + username + " failed: " + error);
                }
            }
        }
    }
}
