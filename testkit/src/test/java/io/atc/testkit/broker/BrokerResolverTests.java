package io.atc.testkit.broker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.atc.devservices.mqtt.MqttBroker;
import io.atc.testkit.mqtt.TestMqttClient;
import io.vertx.core.Vertx;

class BrokerResolverTests {

    @Test
    void resolvesOneBrokerPerJvmThatAcceptsItsAdmin() {
        MqttBroker broker = BrokerResolver.resolve();

        assertThat(BrokerResolver.resolve()).isSameAs(broker);
        Vertx vertx = Vertx.vertx();
        try (TestMqttClient admin = TestMqttClient.connect(vertx, broker, broker.adminUser(), broker.adminPassword())) {
            assertThat(admin.subscribe("$CONTROL/dynamic-security/v1/response")).containsExactly(1);
        } finally {
            TestMqttClient.await(vertx.close());
        }
    }
}
