package io.atc.testkit.broker;

import java.util.List;

import io.atc.devservices.mqtt.MqttBroker;
import io.atc.testkit.mqtt.TestMqttClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Dynamic-security commands as the broker's admin, for tests and benchmarks: any commands, and a
 * client with one role that may publish under one topic filter, which stands in for devices (or a
 * simulator of many devices) where a test is about what happens after the broker accepted a message.
 */
public final class DynsecTestClients {

    private static final String COMMANDS = "$CONTROL/dynamic-security/v1";

    private DynsecTestClients() {}

    /** Sends the commands in one message and returns the responses, errors included. */
    public static List<JsonObject> send(Vertx vertx, MqttBroker broker, JsonObject... commands) {
        try (TestMqttClient admin = TestMqttClient.connect(vertx, broker, broker.adminUser(), broker.adminPassword())) {
            List<Integer> granted = admin.subscribe(COMMANDS + "/response");
            if (!granted.equals(List.of(1))) {
                throw new IllegalStateException(
                        broker.adminUser() + " may not read dynamic-security answers: " + granted);
            }
            admin.publish(
                    COMMANDS,
                    new JsonObject()
                            .put("commands", new JsonArray(List.of((Object[]) commands)))
                            .encode());
            while (true) {
                JsonArray responses = new JsonObject(admin.nextMessage().payload()).getJsonArray("responses");
                // Answers to a running bridge's commands reach every admin subscriber; ours carry no correlation.
                if (responses.size() == commands.length
                        && responses.getJsonObject(0).getString("correlationData") == null) {
                    return responses.stream().map(JsonObject.class::cast).toList();
                }
            }
        }
    }

    /** A client {@code username} that may publish (and only publish) under {@code topicFilter}. */
    public static void createPublisher(
            Vertx vertx, MqttBroker broker, String username, String password, String topicFilter) {
        String role = username + "-publisher";
        List<JsonObject> responses = send(
                vertx,
                broker,
                new JsonObject().put("command", "createRole").put("rolename", role),
                new JsonObject()
                        .put("command", "addRoleACL")
                        .put("rolename", role)
                        .put("acltype", "publishClientSend")
                        .put("topic", topicFilter)
                        .put("allow", true),
                new JsonObject()
                        .put("command", "createClient")
                        .put("username", username)
                        .put("password", password)
                        .put("roles", new JsonArray().add(new JsonObject().put("rolename", role))));
        for (JsonObject response : responses) {
            if (response.getString("error") != null) {
                throw new IllegalStateException("dynsec " + response.getString("command") + " for " + username
                        + " failed: " + response.getString("error"));
            }
        }
    }
}
