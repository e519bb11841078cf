package io.atc.testkit.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.atc.devservices.mqtt.MosquittoConfig;
import io.atc.devservices.mqtt.MosquittoProcess;
import io.atc.devservices.mqtt.MqttBroker;
import io.atc.testkit.mqtt.TestMqttClient;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mqtt.MqttConnectionException;

/** The repository's mosquitto.conf, run as-is apart from machine paths, enforces dynamic security. */
@Timeout(20)
class ProjectBrokerRequiresAuthenticationTests {

    private static final String DYNSEC_TOPIC = "$CONTROL/dynamic-security/v1";

    @AutoClose
    private static MosquittoProcess mosquitto;

    @AutoClose
    private static Vertx vertx;

    private static MqttBroker broker;

    @BeforeAll
    static void startProjectBroker() {
        mosquitto =
                MosquittoProcess.start(MosquittoConfig.findInRepo(Path.of("").toAbsolutePath()));
        broker = mosquitto.broker();
        vertx = Vertx.vertx();
    }

    @Test
    void anonymousClientIsRefused() {
        assertRefused(null, null);
    }

    @Test
    void wrongPasswordIsRefused() {
        assertRefused(broker.adminUser(), broker.adminPassword() + "-wrong");
    }

    @Test
    void adminCanCommandTheDynamicSecurityPlugin() {
        try (TestMqttClient admin = connectAdmin()) {
            JsonObject response = dynsec(admin, new JsonObject().put("command", "listClients"));

            assertThat(response.getString("command")).isEqualTo("listClients");
            assertThat(response.getJsonObject("data").getJsonArray("clients").getList())
                    .contains(broker.adminUser());
        }
    }

    @Test
    void deviceCanPublishOnlyWithinItsOwnTopicTree() {
        try (TestMqttClient admin = connectAdmin()) {
            dynsec(
                    admin,
                    createRole("t1-s1-d1-publisher", "publishClientSend", "atc/t1/s1/d1/#"),
                    createClient("t1-s1-d1", "device-password", "t1-s1-d1-publisher"),
                    createRole("atc-reader", "subscribePattern", "atc/#"),
                    createClient("atc-reader", "reader-password", "atc-reader"));
        }
        try (TestMqttClient reader = TestMqttClient.connect(vertx, broker, "atc-reader", "reader-password");
                TestMqttClient device = TestMqttClient.connect(vertx, broker, "t1-s1-d1", "device-password")) {
            assertThat(reader.subscribe("atc/#")).containsExactly(1);

            device.publish("atc/t2/s1/d1/events", "forbidden");
            device.publish("atc/t1/s1/d1/events", "allowed");

            // The broker handles one client's publishes in order, so had the forbidden one been
            // forwarded, the reader would have received it first.
            assertThat(reader.nextMessage()).isEqualTo(new TestMqttClient.Message("atc/t1/s1/d1/events", "allowed"));
        }
    }

    private static void assertRefused(String username, String password) {
        assertThatThrownBy(() -> TestMqttClient.connect(vertx, broker, username, password))
                .rootCause()
                .isInstanceOfSatisfying(MqttConnectionException.class, refusal -> assertThat(refusal.code())
                        .isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED));
    }

    private static TestMqttClient connectAdmin() {
        return TestMqttClient.connect(vertx, broker, broker.adminUser(), broker.adminPassword());
    }

    /** Sends the commands and returns the last response, failing on any error. */
    private static JsonObject dynsec(TestMqttClient admin, JsonObject... commands) {
        assertThat(admin.subscribe(DYNSEC_TOPIC + "/response")).containsExactly(1);
        admin.publish(
                DYNSEC_TOPIC,
                new JsonObject()
                        .put("commands", new JsonArray(List.of(commands)))
                        .encode());
        TestMqttClient.Message reply = admin.nextMessage();
        assertThat(reply.topic()).isEqualTo(DYNSEC_TOPIC + "/response");
        JsonArray responses = new JsonObject(reply.payload()).getJsonArray("responses");
        assertThat(responses).hasSize(commands.length);
        responses.forEach(response -> assertThat(((JsonObject) response).getString("error"))
                .as("%s", response)
                .isNull());
        return responses.getJsonObject(responses.size() - 1);
    }

    private static JsonObject createRole(String name, String aclType, String topic) {
        return new JsonObject()
                .put("command", "createRole")
                .put("rolename", name)
                .put(
                        "acls",
                        new JsonArray()
                                .add(new JsonObject()
                                        .put("acltype", aclType)
                                        .put("topic", topic)
                                        .put("allow", true)));
    }

    private static JsonObject createClient(String username, String password, String role) {
        return new JsonObject()
                .put("command", "createClient")
                .put("username", username)
                .put("password", password)
                .put("roles", new JsonArray().add(new JsonObject().put("rolename", role)));
    }
}
